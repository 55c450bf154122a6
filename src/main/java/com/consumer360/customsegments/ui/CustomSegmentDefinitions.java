package com.consumer360.customsegments.ui;

import java.util.List;

/**
 * The definitions panels of the custom segment pages. Each list is the text of a block of
 * docs/analytics-methods.md ("Custom segments"), word for word (CustomSegmentDefinitionsDocumentationTest).
 */
public final class CustomSegmentDefinitions {

    /** Block {@code custom-segment-profile}: the profile page's figures, movement and why in / why out. */
    public static final List<String> PROFILE = List.of(
            "A custom segment is a definition: criteria on the customer attributes of the current snapshot, combined "
                    + "with all of (AND) and any of (OR) groups. Its members are the scored customers of the snapshot "
                    + "who meet it, counted in your own regions only. A customer may belong to several custom "
                    + "segments; the RFM segments stay a partition.",
            "Every refresh stores each segment's members for the definition version current at the time. The page "
                    + "says which version produced its numbers; a segment created or edited since the last refresh "
                    + "is evaluated live until the next one.",
            "Size = members; share of scoped base = members / scored customers of the snapshot in your regions; "
                    + "revenue = the members' net revenue (purchases minus cancellations and returns); AOV = revenue / "
                    + "the members' invoices; mean CLV and mean P(alive) = means over the members with a CLV fit.",
            "R, F and M scores are the RFM quintile scores (1–5, 5 best) of the snapshot. Top countries count "
                    + "members by country; top products rank products by the members' net revenue from them up to "
                    + "the as-of date.",
            "Movement compares the members stored at the previous refresh that evaluated the segment with the "
                    + "members now: joined = members now who were not members then; left = members then who are not "
                    + "now; stayed = members both times. Size history shows the stored members at each refresh, with "
                    + "the version that produced them; refreshes of the same as-of date are told apart by the time "
                    + "they ran.",
            "Why in / why out tests each criterion of the current version on one customer of your regions: the "
                    + "customer's value and whether the criterion holds; a group of all of holds when every rule "
                    + "holds, a group of any of when one does.");

    /** Block {@code custom-segment-compare}: the comparison and overlap page. */
    public static final List<String> COMPARE = List.of(
            "Compare puts two to four segments side by side, custom segments and RFM segments alike, each read in "
                    + "your own regions at the current snapshot. The figures are those of a segment's profile: size, "
                    + "share of scoped base, revenue, AOV (revenue / invoices), mean recency, mean frequency, mean "
                    + "CLV and mean P(alive).",
            "Overlap: the cell of row A and column B counts the customers who are members of both A and B; the "
                    + "diagonal holds each segment's size. Custom segments may overlap each other and any RFM "
                    + "segment; two different RFM segments never share a customer.");

    /** Block {@code custom-segment-builder}: the builder's criteria and live preview. */
    public static final List<String> BUILDER = List.of(
            "A custom segment is a definition: criteria on the customer attributes of the current snapshot, combined "
                    + "with all of (AND) and any of (OR) groups, nested at most three levels deep and with at most 30 "
                    + "criteria. Numbers are compared as given (between includes both bounds); dates are first "
                    + "purchase dates; tenure counts whole months from the first purchase to the as-of date; bought "
                    + "product holds when the customer bought any of the products (a sale, not a cancellation) in the "
                    + "given number of days before the as-of date. Only regions in your scope, countries of your "
                    + "customers and existing products can be chosen.",
            "The live preview evaluates the unsaved definition against the current snapshot in your own regions: "
                    + "customers = members; revenue = the members' net revenue (purchases minus cancellations and "
                    + "returns); share of scoped base = members / scored customers of the snapshot in your regions; "
                    + "the first rows are the members with the highest monetary value.",
            "Saving stores the definition as a new version (the first save is version 1); the versions stay in the "
                    + "history, and every refresh evaluates each segment's current version and stores its members. A "
                    + "customer may belong to several custom segments; the RFM segments stay a partition.");

    private CustomSegmentDefinitions() {
    }
}
