package com.consumer360.customsegments;

import static com.consumer360.jooq.Tables.SNAP_CUSTOMER;
import static org.jooq.impl.DSL.noCondition;

import com.consumer360.analytics.rfm.Segment;
import com.consumer360.audit.AuditAction;
import com.consumer360.audit.AuditTrail;
import com.consumer360.export.ExportFormat;
import com.consumer360.security.Roles;
import com.consumer360.warehouse.CellCustomer;
import com.consumer360.warehouse.CustomerExport;
import com.consumer360.warehouse.CustomerOrder;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Custom segments for the signed-in user. CS_OPS and ADMIN create, edit (a new version each time) and delete them
 * and see all; other roles open the segments shared with their role. Members and figures are always read in the
 * reader's own region scope: row-level security filters the snapshot, the warehouse and the stored members, so a
 * segment defined by csops shows north only its North members. At the current snapshot a segment's members are
 * those the refresh stored for its current version, or, when it was created or edited since, its current version
 * evaluated live; every figure says which ({@link SegmentFigures#source()}).
 */
@Service
@PreAuthorize(Roles.ANY_PORTAL_ROLE)
@Transactional(readOnly = true)
public class CustomSegmentService {

    /** {@code @PreAuthorize} expression of the editing methods. */
    public static final String EDITORS = "hasAnyRole('" + Roles.CS_OPS + "', '" + Roles.ADMIN + "')";
    private static final Logger log = LoggerFactory.getLogger(CustomSegmentService.class);
    private static final int PREVIEW_ROWS = 10;

    private final CustomSegmentQueries queries;
    private final AuditTrail audit;

    CustomSegmentService(CustomSegmentQueries queries, AuditTrail audit) {
        this.queries = queries;
        this.audit = audit;
    }

    // ---- definitions -------------------------------------------------------------------------------------------

    /** The segments the user may open, with their members in the user's scope at the current snapshot. */
    public List<SegmentSummary> segments() {
        Optional<CustomSegmentQueries.Snap> current = queries.current();
        boolean editor = editor();
        Map<Long, java.time.LocalDate> evaluated = queries.lastEvaluated();
        return queries.live().stream().filter(this::visible).map(row -> new SegmentSummary(row.id(), row.name(),
                row.description(), row.owner(), row.sharedWith(), row.version(), row.updatedAt(),
                current.map(s -> count(members(row, s), s)).orElse(null),
                evaluated.get(row.id()), editor)).toList();
    }

    /** A segment the user may open, with every version; empty when there is none or it is not shared with them. */
    public Optional<SegmentDetail> segment(long id) {
        return queries.segment(id).filter(this::visible).map(row -> new SegmentDetail(row.id(), row.name(),
                row.description(), row.owner(), row.sharedWith(), row.version(), DefinitionJson.read(row.definition()),
                queries.versions(id), editor()));
    }

    /** Whether the user may create, edit and delete segments (CS_OPS, ADMIN). */
    public boolean canEdit() {
        return editor();
    }

    /** The values the builder offers, within the user's scope. */
    public Choices choices() {
        Vocabulary v = queries.vocabulary();
        return new Choices(v.regions(), List.copyOf(v.countries()), v.segments());
    }

    /** Product codes and descriptions containing {@code text}, at most 50, for the product picker. */
    public List<String[]> products(String text) {
        return text == null || text.isBlank() || text.length() > 100 ? List.of() : queries.products(text.strip(), 50);
    }

    /** Reads a definition from JSON and checks its meaning in the user's scope; {@link InvalidSegmentException} if not. */
    public SegmentDefinition parse(String json) {
        SegmentDefinition definition = DefinitionJson.read(json);
        validate(definition);
        return definition;
    }

    /** The segment's current definition as JSON (the schema's form), for export. */
    public Optional<String> definitionJson(long id) {
        return segment(id).map(d -> DefinitionJson.write(d.definition()));
    }

    /** The definition evaluated live against the current snapshot in the user's scope. */
    public Preview preview(SegmentDefinition definition) {
        long start = System.nanoTime();
        validate(definition);
        Preview preview = queries.current().map(s -> queries.preview(s,
                        new SegmentConditions(s.asOf()).of(definition), PREVIEW_ROWS))
                .orElse(new Preview(null, 0, java.math.BigDecimal.ZERO, 0, List.of()));
        log.debug("preview in {} ms", (System.nanoTime() - start) / 1_000_000);
        return preview;
    }

    /** Saves a new segment (version 1) owned by the user; returns its id. */
    @PreAuthorize(EDITORS)
    @Transactional
    public long create(SegmentDraft draft) {
        String json = checked(draft, null);
        long id = queries.insert(draft, json, username());
        audit.record(AuditAction.SEGMENT_CHANGE, "created segment \"" + draft.name().strip() + "\" (id " + id
                + ", version 1)");
        return id;
    }

    /** Saves an edit of a segment as its next version; returns the new version number. */
    @PreAuthorize(EDITORS)
    @Transactional
    public int update(long id, SegmentDraft draft) {
        if (queries.segment(id).isEmpty()) {
            throw new InvalidSegmentException("segment", "No such segment.");
        }
        String json = checked(draft, id);
        int version = queries.update(id, draft, json, username());
        audit.record(AuditAction.SEGMENT_CHANGE, "edited segment \"" + draft.name().strip() + "\" (id " + id
                + ", version " + version + ")");
        return version;
    }

    /** Deletes a segment: it is no longer listed nor evaluated; its history stays. */
    @PreAuthorize(EDITORS)
    @Transactional
    public void delete(long id) {
        Optional<CustomSegmentQueries.SegmentRow> row = queries.segment(id);
        if (row.isEmpty() || !queries.delete(id)) {
            throw new InvalidSegmentException("segment", "No such segment.");
        }
        audit.record(AuditAction.SEGMENT_CHANGE, "deleted segment \"" + row.get().name() + "\" (id " + id
                + ", version " + row.get().version() + ")");
    }

    private String checked(SegmentDraft draft, Long id) {
        List<DefinitionProblem> problems = new ArrayList<>(DefinitionValidator.draft(draft.name(), draft.description(),
                draft.sharedWith()));
        if (draft.definition() == null) {
            problems.add(new DefinitionProblem("definition", "The segment has no criteria."));
        } else {
            problems.addAll(meaning(draft.definition()));
        }
        if (problems.isEmpty() && queries.nameTaken(draft.name(), id)) {
            problems.add(new DefinitionProblem("name", "Another segment is already called \"" + draft.name().strip()
                    + "\"."));
        }
        if (!problems.isEmpty()) {
            throw new InvalidSegmentException(problems);
        }
        // Round trip through the schema: what is stored is exactly what a reader will accept.
        String json = DefinitionJson.write(draft.definition());
        DefinitionJson.read(json);
        return json;
    }

    private void validate(SegmentDefinition definition) {
        List<DefinitionProblem> problems = meaning(definition);
        if (!problems.isEmpty()) {
            throw new InvalidSegmentException(problems);
        }
    }

    private List<DefinitionProblem> meaning(SegmentDefinition definition) {
        // Structure first (the typed tree may come from the builder, not from JSON): depth, counts, lengths.
        try {
            DefinitionJson.read(DefinitionJson.write(definition));
        } catch (InvalidSegmentException e) {
            return e.problems();
        }
        return DefinitionValidator.meaning(definition, queries.vocabulary());
    }

    // ---- members and figures ------------------------------------------------------------------------------------

    /**
     * What a segment's members at a snapshot are: a condition on snap_customer and what produced it, and the
     * custom segment's id when they are the members the refresh stored for the current version (null otherwise).
     */
    record Members(Condition condition, String source, Long storedSegment) {
    }

    private Members members(CustomSegmentQueries.SegmentRow row, CustomSegmentQueries.Snap snapshot) {
        Optional<Integer> stored = queries.storedVersion(row.id(), snapshot.id());
        if (stored.isPresent() && stored.get() == row.version()) {
            return new Members(queries.stored(row.id(), snapshot.id()), "version " + row.version(), row.id());
        }
        return new Members(new SegmentConditions(snapshot.asOf()).of(DefinitionJson.read(row.definition())),
                "version " + row.version() + ", evaluated live (stored from the next refresh)", null);
    }

    /** How many members in the scope: the stored count per region, or a count of the customers meeting them. */
    private long count(Members members, CustomSegmentQueries.Snap snapshot) {
        return members.storedSegment() != null ? queries.storedCount(members.storedSegment(), snapshot.id())
                : queries.countMembers(snapshot.id(), members.condition());
    }

    /**
     * Whether the figures the refresh stored with the members (V36) answer for them; otherwise they are computed
     * from the members.
     */
    private boolean storedFigures(Members members, CustomSegmentQueries.Snap snapshot) {
        return members.storedSegment() != null && queries.hasFigures(members.storedSegment(), snapshot.id());
    }

    private CustomSegmentQueries.SegmentRow row(long id) {
        return queries.segment(id).filter(this::visible)
                .orElseThrow(() -> new InvalidSegmentException("segment", "No such segment."));
    }

    private record Resolved(String name, Members members) {
    }

    private Resolved resolve(SegmentRef ref, CustomSegmentQueries.Snap snapshot) {
        return switch (ref) {
            case SegmentRef.Custom custom -> {
                CustomSegmentQueries.SegmentRow row = row(custom.id());
                yield new Resolved(row.name(), members(row, snapshot));
            }
            case SegmentRef.Rfm rfm -> {
                if (Arrays.stream(Segment.values()).noneMatch(segment -> segment.label().equals(rfm.label()))) {
                    throw new InvalidSegmentException("segments", "Unknown RFM segment \""
                            + DefinitionValidator.shorten(rfm.label()) + "\".");
                }
                yield new Resolved(rfm.label() + " (RFM)", new Members(SNAP_CUSTOMER.SEGMENT.eq(rfm.label()),
                        "RFM segment map", null));
            }
        };
    }

    private CustomSegmentQueries.Snap current() {
        return queries.current().orElseThrow(() -> new InvalidSegmentException("snapshot",
                "No snapshot yet: the first refresh has not run."));
    }

    /** Size, value, means and score distributions of a segment at the current snapshot in the user's scope. */
    public SegmentFigures figures(SegmentRef ref) {
        CustomSegmentQueries.Snap snapshot = current();
        Resolved resolved = resolve(ref, snapshot);
        Members members = resolved.members();
        if (storedFigures(members, snapshot)) {
            return queries.storedFigures(resolved.name(), members.source(), snapshot, members.storedSegment());
        }
        if (ref instanceof SegmentRef.Rfm rfm) {
            return queries.storedRfmFigures(resolved.name(), members.source(), snapshot, rfm.label())
                    .orElseGet(() -> queries.figures(resolved.name(), members.source(), snapshot,
                            members.condition()));
        }
        return queries.figures(resolved.name(), members.source(), snapshot, members.condition());
    }

    /** The KPIs of two to four segments side by side. */
    public List<SegmentFigures> compare(List<SegmentRef> refs) {
        requireTwoToFour(refs);
        return refs.stream().map(this::figures).toList();
    }

    /** How many customers any two of two to four segments share, in the user's scope. */
    public Overlap overlap(List<SegmentRef> refs) {
        requireTwoToFour(refs);
        CustomSegmentQueries.Snap snapshot = current();
        List<Resolved> resolved = refs.stream().map(r -> resolve(r, snapshot)).toList();
        long[][] counts = storedOverlap(refs, resolved, snapshot).orElseGet(() -> queries.overlap(snapshot.id(),
                resolved.stream().map(r -> r.members().condition()).toList()));
        return new Overlap(resolved.stream().map(Resolved::name).toList(), refs.stream().map(SegmentRef::key).toList(),
                counts);
    }

    /**
     * The overlap from the counts the refresh stored (V37), when every custom segment among the refs has them: a
     * custom segment's row gives what it shares with each other segment; the RFM segments are a partition (two share
     * no one) and an RFM segment's size is in its summary.
     */
    private Optional<long[][]> storedOverlap(List<SegmentRef> refs, List<Resolved> resolved,
                                             CustomSegmentQueries.Snap snapshot) {
        int n = refs.size();
        List<Map<String, Long>> shares = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Long stored = resolved.get(i).members().storedSegment();
            if (refs.get(i) instanceof SegmentRef.Custom
                    && (stored == null || !queries.hasStoredOverlap(stored, snapshot.id()))) {
                return Optional.empty();
            }
            shares.add(stored == null ? null : queries.storedShares(stored, snapshot.id()));
        }
        long[][] counts = new long[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i == j) {
                    counts[i][i] = refs.get(i) instanceof SegmentRef.Rfm rfm ? queries.rfmCount(snapshot.id(),
                            rfm.label()) : queries.storedCount(resolved.get(i).members().storedSegment(), snapshot.id());
                } else if (shares.get(i) != null) {
                    counts[i][j] = shares.get(i).getOrDefault(refs.get(j).key(), 0L);
                } else if (shares.get(j) != null) {
                    counts[i][j] = shares.get(j).getOrDefault(refs.get(i).key(), 0L);
                }
            }
        }
        return Optional.of(counts);
    }

    private static void requireTwoToFour(List<SegmentRef> refs) {
        if (refs.size() < 2 || refs.size() > 4 || Set.copyOf(refs).size() != refs.size()) {
            throw new InvalidSegmentException("segments", "Choose two to four different segments.");
        }
    }

    /** The members' most common countries, most first. */
    public List<Map.Entry<String, Long>> topCountries(SegmentRef ref, int limit) {
        CustomSegmentQueries.Snap snapshot = current();
        Members members = resolve(ref, snapshot).members();
        if (storedFigures(members, snapshot)) {
            return queries.storedTopCountries(members.storedSegment(), snapshot.id(), Math.min(limit, 50));
        }
        return queries.topCountries(snapshot.id(), members.condition(), Math.min(limit, 50));
    }

    /** The products that bring the members the most net revenue. */
    public List<ProductFigure> topProducts(SegmentRef ref, int limit) {
        CustomSegmentQueries.Snap snapshot = current();
        Members members = resolve(ref, snapshot).members();
        if (storedFigures(members, snapshot)) {
            return queries.storedTopProducts(members.storedSegment(), snapshot.id(), Math.min(limit, 50));
        }
        return queries.topProducts(snapshot, members.condition(), Math.min(limit, 50));
    }

    /** Members of one segment, or of the intersection of several, in the user's scope: one page. */
    public List<CellCustomer> members(List<SegmentRef> refs, CustomerOrder order, int offset, int limit) {
        CustomSegmentQueries.Snap snapshot = current();
        if (refs.size() == 1 && offset == 0 && limit <= StoredFiguresWriter.TOP_MEMBERS
                && order.equals(CustomerOrder.BY_MONETARY)) {
            // The first page by net revenue is among the members the refresh stored as each region's first (V43).
            Members members = resolve(refs.getFirst(), snapshot).members();
            if (storedFigures(members, snapshot)) {
                Optional<List<Long>> top = queries.storedTopMembers(members.storedSegment(), snapshot.id(), false);
                if (top.isPresent()) {
                    return queries.page(snapshot.id(), SNAP_CUSTOMER.CUSTOMER_ID.in(top.get()), order, 0, limit);
                }
            }
        }
        Condition members = intersection(refs, snapshot);
        if ((long) offset + limit <= LISTED_PAGES) {
            Optional<Listed> listed = listed(refs, snapshot, order);
            if (listed.isPresent()) {
                return queries.listedPage(snapshot.id(), listed.get().segmentIds(), listed.get().labels(), offset,
                        limit);
            }
        }
        return queries.page(snapshot.id(), members, order, offset, limit);
    }

    /**
     * Pages up to this many rows deep are read from the refresh's member lists when they answer ({@link #listed}):
     * read from the start of the list's index, a page further down would pass over every row before it, while the
     * members' list reads a page in its second half from its end.
     */
    private static final int LISTED_PAGES = 10_000;

    /** Custom segments read from their member lists (V53), and the RFM segments the members must be in too. */
    private record Listed(List<Long> segmentIds, List<String> labels) {
    }

    /**
     * The members of {@code refs} (an intersection) as the refresh's member lists give them: when the order is the
     * list's default (net revenue, largest first) and every custom segment among them has a list that answers for
     * its stored members now ({@link CustomSegmentQueries#listed(long, long)}); empty otherwise, or with no custom
     * segment among them.
     */
    private Optional<Listed> listed(List<SegmentRef> refs, CustomSegmentQueries.Snap snapshot, CustomerOrder order) {
        if (!order.equals(CustomerOrder.BY_MONETARY)) {
            return Optional.empty();
        }
        List<Long> ids = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (SegmentRef ref : refs) {
            switch (ref) {
                case SegmentRef.Custom custom -> {
                    Long stored = resolve(custom, snapshot).members().storedSegment();
                    if (stored == null || !queries.listed(stored, snapshot.id())) {
                        return Optional.empty();
                    }
                    ids.add(stored);
                }
                case SegmentRef.Rfm rfm -> labels.add(rfm.label());
            }
        }
        return ids.isEmpty() ? Optional.empty() : Optional.of(new Listed(ids, labels));
    }

    /** How many customers {@link #members} lists. */
    public long memberCount(List<SegmentRef> refs) {
        CustomSegmentQueries.Snap snapshot = current();
        if (refs.size() == 1) {
            return count(resolve(refs.getFirst(), snapshot).members(), snapshot);
        }
        return queries.countMembers(snapshot.id(), intersection(refs, snapshot));
    }

    /** Writes the members (of one segment or an intersection) in the given format. */
    public void exportMembers(List<SegmentRef> refs, CustomerOrder order, ExportFormat format, OutputStream out) {
        CustomSegmentQueries.Snap snapshot = current();
        Condition members = intersection(refs, snapshot);
        String title = refs.stream().map(r -> resolve(r, snapshot).name()).collect(Collectors.joining(" and "));
        Optional<Listed> listed = listed(refs, snapshot, order);
        format.write(CustomerExport.table(title.length() > 31 ? title.substring(0, 31) : title,
                sink -> listed.ifPresentOrElse(
                        l -> queries.eachListed(snapshot.id(), l.segmentIds(), l.labels(), sink),
                        () -> queries.each(snapshot.id(), members, order, sink))), out);
    }

    private Condition intersection(List<SegmentRef> refs, CustomSegmentQueries.Snap snapshot) {
        if (refs.isEmpty() || refs.size() > 4) {
            throw new InvalidSegmentException("segments", "Choose one to four segments.");
        }
        Condition all = noCondition();
        for (SegmentRef ref : refs) {
            all = all.and(resolve(ref, snapshot).members().condition());
        }
        return all;
    }

    /** The segment's size at each snapshot the refresh evaluated it for, oldest first, in the user's scope. */
    public List<SizePoint> sizes(long id) {
        row(id);
        return queries.sizes(id);
    }

    /** Joined, left and stayed since the previous snapshot's stored members. */
    public Movement movement(long id) {
        CustomSegmentQueries.SegmentRow row = row(id);
        CustomSegmentQueries.Snap snapshot = current();
        Members members = members(row, snapshot);
        if (storedFigures(members, snapshot)) {
            Optional<Movement> stored = queries.storedMovement(id, snapshot);
            if (stored.isPresent()) {
                return stored.get();
            }
        }
        Optional<CustomSegmentQueries.Snap> previous = previousEvaluated(row, snapshot);
        Condition now = members.condition();
        if (previous.isEmpty()) {
            return new Movement(null, snapshot.asOf(), count(members, snapshot), 0, 0);
        }
        Condition before = queries.stored(id, previous.get().id());
        long[] counts = queries.countEach(snapshot.id(), List.of(now.andNot(before), before.andNot(now),
                now.and(before)));
        return new Movement(previous.get().asOf(), snapshot.asOf(), counts[0], counts[1], counts[2]);
    }

    /** One page of the customers who joined, left or stayed. */
    public List<CellCustomer> movers(long id, Movement.Kind kind, CustomerOrder order, int offset, int limit) {
        CustomSegmentQueries.Snap snapshot = current();
        if (kind == Movement.Kind.JOINED && offset == 0 && limit <= StoredFiguresWriter.TOP_MEMBERS
                && order.equals(CustomerOrder.BY_MONETARY)) {
            // The first page of those who joined, by net revenue, is among each region's first the refresh stored
            // (V43), counted against the previous evaluation the stored movement names while that snapshot exists.
            Members members = members(row(id), snapshot);
            if (storedFigures(members, snapshot) && queries.storedMovement(id, snapshot).isPresent()) {
                Optional<List<Long>> top = queries.storedTopMembers(id, snapshot.id(), true);
                if (top.isPresent()) {
                    return queries.page(snapshot.id(), SNAP_CUSTOMER.CUSTOMER_ID.in(top.get()), order, 0, limit);
                }
            }
        }
        return queries.page(snapshot.id(), movers(row(id), kind, snapshot), order, offset, limit);
    }

    /** Writes the customers who joined, left or stayed. */
    public void exportMovers(long id, Movement.Kind kind, CustomerOrder order, ExportFormat format, OutputStream out) {
        CustomSegmentQueries.Snap snapshot = current();
        CustomSegmentQueries.SegmentRow row = row(id);
        Condition which = movers(row, kind, snapshot);
        format.write(CustomerExport.table(kind.name().charAt(0) + kind.name().substring(1).toLowerCase(),
                sink -> queries.each(snapshot.id(), which, order, sink)), out);
    }

    private Condition movers(CustomSegmentQueries.SegmentRow row, Movement.Kind kind,
                             CustomSegmentQueries.Snap snapshot) {
        Condition now = members(row, snapshot).condition();
        Optional<CustomSegmentQueries.Snap> previous = previousEvaluated(row, snapshot);
        if (previous.isEmpty()) {
            return kind == Movement.Kind.JOINED ? now : org.jooq.impl.DSL.falseCondition();
        }
        Condition before = queries.stored(row.id(), previous.get().id());
        return switch (kind) {
            case JOINED -> now.andNot(before);
            case LEFT -> before.andNot(now);
            case STAYED -> now.and(before);
        };
    }

    /** The latest snapshot before the current one for which the refresh stored the segment's members. */
    private Optional<CustomSegmentQueries.Snap> previousEvaluated(CustomSegmentQueries.SegmentRow row,
                                                                  CustomSegmentQueries.Snap snapshot) {
        return queries.sizes(row.id()).stream().filter(p -> p.snapshotId() < snapshot.id())
                .reduce((a, b) -> b).map(p -> new CustomSegmentQueries.Snap(p.snapshotId(), p.asOf()));
    }

    /**
     * Why a customer of the user's scope is in or out of the segment's current version: each criterion with the
     * customer's value and whether it holds, each group with its verdict. Empty for a customer outside the scope.
     */
    public Optional<WhyResult> why(long id, long customerId) {
        CustomSegmentQueries.SegmentRow row = row(id);
        CustomSegmentQueries.Snap snapshot = current();
        return Explanation.explain(queries, snapshot, row.version(), DefinitionJson.read(row.definition()),
                customerId);
    }

    // ---- who ----------------------------------------------------------------------------------------------------

    private boolean visible(CustomSegmentQueries.SegmentRow row) {
        Set<String> roles = roles();
        return roles.contains(Roles.CS_OPS) || roles.contains(Roles.ADMIN)
                || row.sharedWith().stream().anyMatch(roles::contains);
    }

    private static boolean editor() {
        Set<String> roles = roles();
        return roles.contains(Roles.CS_OPS) || roles.contains(Roles.ADMIN);
    }

    private static Set<String> roles() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null) {
            return Set.of();
        }
        return authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5)).collect(Collectors.toSet());
    }

    private static String username() {
        return SecurityContextHolder.getContext().getAuthentication().getName();
    }

    // ---- added for the segment pages (profile, compare) ---------------------------------------------------------

    /** Writes the KPI comparison of two to four segments ({@link #compare}) in the given format, one row each. */
    public void exportComparison(List<SegmentRef> refs, ExportFormat format, OutputStream out) {
        format.write(ComparisonTable.of(compare(refs)), out);
    }
}
