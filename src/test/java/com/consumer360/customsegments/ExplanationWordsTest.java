package com.consumer360.customsegments;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExplanationWordsTest {

    @Test
    void numbersReadWithThousandsSeparatorsAndCodesAsWritten() {
        assertThat(Explanation.describe(new Rule.Criterion(Attribute.MONETARY, Operator.GREATER, List.of("1000"), null)))
                .isEqualTo("Monetary is greater than 1,000 net revenue");
        assertThat(Explanation.describe(new Rule.Criterion(Attribute.FREQUENCY, Operator.BETWEEN,
                List.of("2", "12500"), null))).isEqualTo("Frequency is between 2 and 12,500 invoices");
        assertThat(Explanation.describe(new Rule.Criterion(Attribute.P_ALIVE, Operator.LESS, List.of("0.25"), null)))
                .isEqualTo("P(alive) is less than 0.25");
        assertThat(Explanation.describe(new Rule.Criterion(Attribute.EXPECTED_CLV, Operator.GREATER, List.of("2500.5"),
                null))).isEqualTo("Expected CLV is greater than 2,500.5");
        assertThat(Explanation.describe(new Rule.Criterion(Attribute.EXPECTED_PURCHASES, Operator.LESS, List.of("1"),
                null))).isEqualTo("Expected purchases is less than 1 in the next 52 weeks");
        assertThat(Explanation.describe(new Rule.Criterion(Attribute.FIRST_PURCHASE, Operator.GREATER,
                List.of("2011-03-01"), null))).isEqualTo("First purchase is after 2011-03-01");
        assertThat(Explanation.describe(new Rule.Criterion(Attribute.FIRST_PURCHASE, Operator.LESS,
                List.of("2011-03-01"), null))).isEqualTo("First purchase is before 2011-03-01");
        assertThat(Explanation.describe(new Rule.Criterion(Attribute.BOUGHT_PRODUCT, Operator.IN,
                List.of("22423", "85123A"), 90))).isEqualTo("Bought any of 22423, 85123A in the last 90 days");
    }
}
