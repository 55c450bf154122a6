package com.consumer360.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Reading fields from the parser's buffer: customer ids, decimals and whole numbers. */
class FieldTextTest {

    private static CharSlice slice(String text) {
        char[] buf = ("##" + text + "##").toCharArray();
        return new CharSlice().set(buf, 2, text.length());
    }

    @Test
    void uciFloatCustomerIdsBecomeIntegers() {
        assertThat(slice("17850.0").withoutZeroFraction()).hasToString("17850");
        assertThat(slice("17850.00").withoutZeroFraction()).hasToString("17850");
        assertThat(slice("17850.5").withoutZeroFraction()).hasToString("17850.5");
        assertThat(slice("A.0").withoutZeroFraction()).hasToString("A.0");
        assertThat(slice(".0").withoutZeroFraction()).hasToString(".0");
        assertThat(slice("c-17").withoutZeroFraction()).hasToString("c-17");
        assertThat(slice("  17850.0 ").strip().withoutZeroFraction()).hasToString("17850");
    }

    @Test
    void decimalsEqualDoubleParseDoubleBitForBit() {
        Random random = new Random(7);
        for (int i = 0; i < 200_000; i++) {
            long mantissa = random.nextLong(1_000_000_000_000_000L) >> random.nextInt(50);
            int scale = random.nextInt(8);
            String text = new BigDecimal(BigInteger.valueOf(mantissa), scale).toPlainString();
            text = random.nextBoolean() ? "-" + text : text;
            assertThat(DecimalText.parseDouble(slice(text))).as(text).isEqualTo(Double.parseDouble(text));
        }
    }

    @Test
    void decimalsInOtherFormsOrNotNumbers() {
        assertThat(DecimalText.parseDouble(slice("2.55"))).isEqualTo(2.55);
        assertThat(DecimalText.parseDouble(slice("+7"))).isEqualTo(7.0);
        assertThat(DecimalText.parseDouble(slice("1e3"))).isEqualTo(1000.0);
        assertThat(DecimalText.parseDouble(slice("0.12345678901234567890"))).isEqualTo(0.12345678901234568);
        for (String bad : new String[] {"", ".", "-", "1.x", "1,5", "1.2.3", "NaN", "Infinity", "1e999"}) {
            assertThat(DecimalText.parseDouble(slice(bad))).as(bad).isNaN();
        }
    }

    @Test
    void wholeNumbers() {
        assertThat(DecimalText.parseInt(slice("6"))).isEqualTo(6);
        assertThat(DecimalText.parseInt(slice("-80995"))).isEqualTo(-80995);
        assertThat(DecimalText.parseInt(slice("2147483647"))).isEqualTo(Integer.MAX_VALUE);
        for (String bad : new String[] {"", "-", "1.0", "x", "2147483648", "12a"}) {
            assertThatThrownBy(() -> DecimalText.parseInt(slice(bad))).as(bad)
                    .isInstanceOf(NumberFormatException.class);
        }
    }
}
