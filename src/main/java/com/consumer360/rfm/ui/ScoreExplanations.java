package com.consumer360.rfm.ui;

import com.consumer360.ui.Formats;
import com.consumer360.analytics.rfm.SegmentMap;
import com.consumer360.rfm.CustomerDetail;
import com.consumer360.rfm.CustomerDetail.ScoreRange;

/**
 * The sentences that say why a customer has their scores and segment. Ranges are those of the customers the
 * user can see: scores are quintiles over every region, which a regional user cannot see, so the sentences
 * never claim a global threshold.
 */
final class ScoreExplanations {

    private ScoreExplanations() {
    }

    static String recency(CustomerDetail c) {
        return "R = " + c.rScore() + " because the last purchase was " + days(c.recencyDays()) + " before the as-of date "
                + c.asOf() + ". " + range(c.recencyRange(), "R", "last bought", " days before it", false) + ".";
    }

    static String frequency(CustomerDetail c) {
        return "F = " + c.fScore() + " because of " + c.frequency() + (c.frequency() == 1 ? " purchase invoice. "
                : " purchase invoices. ") + range(c.frequencyRange(), "F", "have", " invoices", false) + ".";
    }

    static String monetary(CustomerDetail c) {
        return "M = " + c.mScore() + " because net revenue is " + Formats.money(c.monetary()) + ". "
                + range(c.monetaryRange(), "M", "have", " in net revenue", true) + ".";
    }

    static String segment(CustomerDetail c) {
        int fm2 = c.fScore() + c.mScore();
        String fm = fm2 % 2 == 0 ? String.valueOf(fm2 / 2) : (fm2 / 2) + ".5";
        return "R = " + c.rScore() + " and FM = (F + M) / 2 = (" + c.fScore() + " + " + c.mScore() + ") / 2 = " + fm
                + "; in " + SegmentMap.versionLabel(c.segmentMapVersion()) + " that cell is " + SegmentMap.segmentOf(c.rScore(),
                c.fScore(), c.mScore()).label() + ".";
    }

    private static String range(ScoreRange range, String score, String verb, String unit, boolean money) {
        if (range.customers() == 1) {
            return "This is the only customer with " + score + " = " + range.score() + " in your regions";
        }
        String who = "The " + Formats.count(range.customers()) + " customers with " + score + " = " + range.score()
                + " in your regions ";
        if (range.min().compareTo(range.max()) == 0) {
            // "all have 1 invoice", not "1 invoices"
            String one = !money && range.min().compareTo(java.math.BigDecimal.ONE) == 0
                    ? unit.replace(" days ", " day ").replace(" invoices", " invoice") : unit;
            return who + "all " + verb + " " + value(range.min(), money) + one;
        }
        return who + verb + " between " + value(range.min(), money) + " and " + value(range.max(), money) + unit;
    }

    private static String value(java.math.BigDecimal value, boolean money) {
        return money ? Formats.money(value) : Formats.count(value.longValue());
    }

    private static String days(int days) {
        return days == 1 ? "1 day" : Formats.count(days) + " days";
    }
}
