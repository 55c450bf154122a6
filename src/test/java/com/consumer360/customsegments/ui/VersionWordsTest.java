package com.consumer360.customsegments.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.consumer360.customsegments.Attribute;
import com.consumer360.customsegments.Operator;
import com.consumer360.customsegments.Rule;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The builder's version history names date criteria as the builder offers them: after and before. */
class VersionWordsTest {

    @Test
    void datesAreAfterOrBeforeNotGreaterOrLess() {
        assertThat(SegmentBuilderView.describe(new Rule.Criterion(Attribute.FIRST_PURCHASE, Operator.GREATER,
                List.of("2010-06-01"), null), true)).isEqualTo("First purchase is after 2010-06-01");
        assertThat(SegmentBuilderView.describe(new Rule.Criterion(Attribute.FIRST_PURCHASE, Operator.LESS,
                List.of("2010-06-01"), null), true)).isEqualTo("First purchase is before 2010-06-01");
        assertThat(SegmentBuilderView.describe(new Rule.Criterion(Attribute.RECENCY_DAYS, Operator.GREATER,
                List.of("120"), null), true)).isEqualTo("Recency is greater than 120");
    }
}
