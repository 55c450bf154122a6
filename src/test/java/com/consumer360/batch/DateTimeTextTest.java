package com.consumer360.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DateTimeTextTest {

    private static long seconds(String isoLocalDateTime) {
        return LocalDateTime.parse(isoLocalDateTime).toEpochSecond(ZoneOffset.UTC);
    }

    @Test
    void readsIsoDatesAndDateTimes() {
        assertThat(DateTimeText.parse("2010-12-01")).isEqualTo(seconds("2010-12-01T00:00:00"));
        assertThat(DateTimeText.parse("2010-12-01 08:26:00")).isEqualTo(seconds("2010-12-01T08:26:00"));
        assertThat(DateTimeText.parse("2010-12-01T08:26")).isEqualTo(seconds("2010-12-01T08:26:00"));
        assertThat(DateTimeText.parse("2010-12-01T08:26:59.123Z")).isEqualTo(seconds("2010-12-01T08:26:59"));
        assertThat(DateTimeText.parse(" 2011-02-28 23:59:59+01:00 ")).isEqualTo(seconds("2011-02-28T23:59:59"));
    }

    @Test
    void readsTheUsFormOfOtherUciCopiesMonthFirst() {
        assertThat(DateTimeText.parse("12/1/2010 8:26")).isEqualTo(seconds("2010-12-01T08:26:00"));
        assertThat(DateTimeText.parse("1/12/2011 14:05")).isEqualTo(seconds("2011-01-12T14:05:00"));
        assertThat(DateTimeText.parse("2/3/2011")).isEqualTo(seconds("2011-02-03T00:00:00"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "yesterday", "2010-13-01", "2011-02-29", "2010-12-01 25:00", "2010/12/01",
        "13/1/2010 8:26", "12/1/10 8:26", "2010-12-01X08:26", "20101201"})
    void rejectsWhatIsNotADate(String text) {
        assertThat(DateTimeText.parse(text)).isEqualTo(DateTimeText.INVALID);
    }
}
