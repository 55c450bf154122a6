package com.consumer360.customsegments;

import com.consumer360.refresh.TestRefresh;
import com.consumer360.security.Roles;
import com.consumer360.support.SignedIn;
import java.util.List;
import java.util.Set;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Three custom segments created by csops for the segment pages' tests, with a refresh one week back and one over all
 * sales so that they have stored members at two snapshots (movement, size history); deleted at the end, so the
 * names are free again for the next test class. "often" (frequency > 2) and "recent" (recency < 60 days) are shared with regional managers and
 * executives, "hidden" (monetary > 1000) with executives only.
 */
public final class SegmentPagesFixture implements AutoCloseable {

    /** The SQL conditions on snap_customer that define the segments, for independent checks. */
    public static final String OFTEN_SQL = "frequency > 2";
    public static final String RECENT_SQL = "recency_days < 60";

    private final UserDetailsService users;
    private final CustomSegmentService service;
    public final long often;
    public final long recent;
    public final long hidden;
    public final String oftenName;

    public SegmentPagesFixture(ApplicationContext context) throws Exception {
        this.users = context.getBean(UserDetailsService.class);
        this.service = context.getBean(CustomSegmentService.class);
        oftenName = "Frequent buyers (3+ invoices)";
        Set<String> shared = Set.of(Roles.REGIONAL_MANAGER, Roles.EXECUTIVE);
        long[] ids = SignedIn.call(users, "csops", () -> new long[] {
            service.create(new SegmentDraft(oftenName, "More than two invoices", shared,
                    definition(Attribute.FREQUENCY, Operator.GREATER, "2"))),
            service.create(new SegmentDraft("Bought in the last 60 days", "Bought in the last 60 days", shared,
                    definition(Attribute.RECENCY_DAYS, Operator.LESS, "60"))),
            service.create(new SegmentDraft("Spent over 1,000", "Executives only", Set.of(Roles.EXECUTIVE),
                    definition(Attribute.MONETARY, Operator.GREATER, "1000")))});
        often = ids[0];
        recent = ids[1];
        hidden = ids[2];
        TestRefresh.withHistory(context, "test:custom-segment-pages", 1);
    }

    private static SegmentDefinition definition(Attribute attribute, Operator operator, String value) {
        return new SegmentDefinition(new Rule.Group(Match.ALL,
                List.of(new Rule.Criterion(attribute, operator, List.of(value), null))));
    }

    @Override
    public void close() throws Exception {
        SignedIn.call(users, "csops", () -> {
            for (long id : new long[] {often, recent, hidden}) {
                service.delete(id);
            }
            return null;
        });
    }
}
