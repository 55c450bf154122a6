package com.consumer360.cohorts.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.consumer360.cohorts.CohortMetric;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The cohorts page's query parameters: well-formed ones are read, malformed ones refused with a message. */
class CohortLinkTest {

    @Test
    void readsEveryParameterAndDefaultsTheMissingOnes() {
        CohortLink link = CohortLink.parse(Map.of("metric", List.of("revenue-retention"), "from", List.of("2025-03"),
                "country", List.of(" Denmark "), "region", List.of("2"), "cohort", List.of("2025-04"),
                "period", List.of("3")));
        assertThat(link).isEqualTo(new CohortLink(CohortMetric.REVENUE_RETENTION, YearMonth.of(2025, 3), null,
                "Denmark", (short) 2, YearMonth.of(2025, 4), 3));
        assertThat(CohortLink.parse(Map.of())).isEqualTo(new CohortLink(CohortMetric.CUSTOMER_RETENTION, null, null,
                null, null, null, 0));
    }

    @Test
    void refusesMalformedValuesWithAMessage() {
        assertThatThrownBy(() -> CohortLink.parse(Map.of("from", List.of("2025-13"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("not a month (yyyy-MM): 2025-13.");
        assertThatThrownBy(() -> CohortLink.parse(Map.of("region", List.of("north"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("a number was expected");
        assertThatThrownBy(() -> CohortLink.parse(Map.of("metric", List.of("profit"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("metric is one of");
    }
}
