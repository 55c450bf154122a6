package com.consumer360.customsegments.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.consumer360.customsegments.SizePoint;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The size chart's x labels: one per refresh, never two alike, the time only where the as-of date is shared. */
class RefreshLabelsTest {

    private static final LocalDate DEC_6 = LocalDate.of(2026, 12, 6);
    private static final LocalDate DEC_7 = LocalDate.of(2026, 12, 7);

    private static SizePoint point(long id, LocalDate asOf, String at, int version) {
        return new SizePoint(id, asOf, OffsetDateTime.of(2026, 12, 7, Integer.parseInt(at.substring(0, 2)),
                Integer.parseInt(at.substring(3, 5)), Integer.parseInt(at.substring(6, 8)), 0, ZoneOffset.UTC), version,
                755);
    }

    @Test
    void refreshesOfTheSameDayShowTheirTime() {
        List<SizePoint> points = List.of(point(1, DEC_6, "03:00:00", 1), point(2, DEC_7, "05:10:00", 1),
                point(3, DEC_7, "05:42:10", 2), point(4, DEC_7, "05:42:50", 2));
        assertThat(SegmentView.refreshLabels(points, ZoneId.of("UTC"))).containsExactly("2026-12-06 (v1)",
                "2026-12-07 05:10 (v1)", "2026-12-07 05:42:10 (v2)",
                "2026-12-07 05:42:50 (v2)").doesNotHaveDuplicates();
    }
}
