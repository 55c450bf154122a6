package com.consumer360.customsegments.ui;

import com.consumer360.customsegments.CriterionCheck;
import com.consumer360.customsegments.CustomSegmentService;
import com.consumer360.customsegments.InvalidSegmentException;
import com.consumer360.customsegments.Movement;
import com.consumer360.customsegments.SegmentDetail;
import com.consumer360.customsegments.SegmentFigures;
import com.consumer360.customsegments.SegmentRef;
import com.consumer360.customsegments.SizePoint;
import com.consumer360.customsegments.WhyResult;
import com.consumer360.security.Roles;
import com.consumer360.ui.Cards;
import com.consumer360.ui.CustomerList;
import com.consumer360.ui.DefinitionsPanel;
import com.consumer360.ui.Formats;
import com.consumer360.ui.PageHeader;
import com.consumer360.ui.ProfileCharts;
import com.consumer360.ui.chart.ApexChart;
import com.consumer360.ui.chart.ChartOptions;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A custom segment's profile in the reader's scope: which version produced the numbers, the KPIs, R/F/M score
 * distributions, top countries and products, movement since the previous refresh with the movers, size over the
 * stored history, why a customer is in or out, and the members with CSV and XLSX exports. A segment that does not
 * exist and one not shared with the reader read the same.
 */
@Route("custom-segments/:id/profile")
@PageTitle("Custom segment · Consumer360")
@RolesAllowed({Roles.REGIONAL_MANAGER, Roles.EXECUTIVE, Roles.CS_OPS, Roles.ADMIN})
public class SegmentView extends VerticalLayout implements BeforeEnterObserver {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final CustomSegmentService segments;
    private final CustomerList members = new CustomerList("members");
    private final CustomerList movers = new CustomerList("movers");
    private final TextField customerId = new TextField("Customer id");
    private final Div why = new Div();
    private long id;
    private String fileName;

    public SegmentView(CustomSegmentService segments) {
        this.segments = segments;
        members.addCustomerClickListener(c -> {
            customerId.setValue(String.valueOf(c.customerId()));
            explain();
            why.scrollIntoView();
        });
        addClassName("c360-page");
        setId("custom-segment-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        Optional<SegmentDetail> detail = event.getRouteParameters().get("id").flatMap(SegmentView::parse)
                .flatMap(segments::segment);
        if (detail.isEmpty()) {
            notFound();
            return;
        }
        id = detail.get().id();
        try {
            show(detail.get(), segments.figures(new SegmentRef.Custom(id)));
        } catch (InvalidSegmentException e) {
            removeAll();
            add(PageHeader.of(detail.get().name(), new Paragraph(e.problems().getFirst().message())));
        }
    }

    static Optional<Long> parse(String id) {
        try {
            return Optional.of(Long.parseLong(id));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private void notFound() {
        Div message = new Div(new H2("No such segment"), new Paragraph("There is no custom segment with this id "
                + "shared with you."), new Anchor("custom-segments", "Back to the custom segments"));
        message.setId("segment-not-found");
        add(message);
    }

    private void show(SegmentDetail d, SegmentFigures f) {
        fileName = "custom-segment-" + d.id() + "-" + f.asOf();
        Paragraph summary = new Paragraph((d.description() == null || d.description().isBlank() ? ""
                : d.description() + " · ") + "Owner " + d.owner() + " · version " + d.currentVersion()
                + " · numbers from " + f.source() + " · snapshot as of " + f.asOf() + ".");
        summary.setId("segment-summary");
        // What the segment is, in words, where its numbers are: as the builder's version history states it.
        Paragraph definition = Cards.muted("Definition: " + SegmentBuilderView.describe(d.definition().root(), true)
                + ".");
        definition.setId("segment-definition");
        Anchor compare = new Anchor("custom-segments/compare?s=" + new SegmentRef.Custom(d.id()).key(), "Compare");
        compare.setId("segment-compare-link");
        Div tools = new Div(compare);
        if (d.editable()) {
            Anchor edit = new Anchor("custom-segments/" + d.id(), "Edit");
            edit.setId("segment-edit-link");
            tools.add(new Span(" · "), edit);
        }
        add(PageHeader.of(d.name(), summary, tools), definition, kpis(f), profile(f), movement(), history(),
                whyCard(), members, movers,
                DefinitionsPanel.of("custom-segment-definitions", "Definitions: custom segment figures",
                        CustomSegmentDefinitions.PROFILE, "custom segments"));
        members.setId("members-section");
        movers.setId("movers-section");
        SegmentRef ref = new SegmentRef.Custom(d.id());
        members.show("Members: " + Formats.count(f.customers()) + " customers", f.customers(), true, fileName,
                (order, offset, limit) -> segments.members(List.of(ref), order, offset, limit),
                (order, format, out) -> segments.exportMembers(List.of(ref), order, format, out));
    }

    private static Div kpis(SegmentFigures f) {
        Div kpis = new Div(kpi("Size", Formats.count(f.customers()), "kpi-size"),
                kpi("Share of scoped base", Formats.percent(f.share()), "kpi-share"),
                kpi(Formats.withCurrency("Revenue"), Formats.money(f.revenue()), "kpi-revenue"),
                kpi(Formats.withCurrency("AOV"), Formats.money(f.averageOrderValue()), "kpi-aov"),
                kpi(Formats.withCurrency("Mean CLV"), Formats.money(f.meanClv()), "kpi-clv"),
                kpi("Mean P(alive)", f.meanPAlive() == null ? "–" : Formats.decimal(f.meanPAlive(), 2), "kpi-palive"));
        kpis.addClassName("c360-summary-figures");
        kpis.setId("segment-kpis");
        return kpis;
    }

    private static Div kpi(String label, String value, String id) {
        Div figure = Cards.figure(label, value, id);
        figure.addClassName("c360-summary-figure");
        return figure;
    }

    private Div profile(SegmentFigures f) {
        SegmentRef ref = new SegmentRef.Custom(id);
        List<ProfileCharts.Product> products = segments.topProducts(ref, 10).stream()
                .map(p -> new ProfileCharts.Product(p.description(), p.customers(), p.revenue())).toList();
        Div profile = new Div(ProfileCharts.scores(f.name(), f.byRScore(), f.byFScore(), f.byMScore()),
                ProfileCharts.countries(segments.topCountries(ref, 10).stream()
                        .map(c -> new ProfileCharts.Country(c.getKey(), c.getValue())).toList(), f.customers()),
                ProfileCharts.products(f.name(), products),
                ProfileCharts.productCard(products, "Net revenue from the members: all their purchases of the "
                        + "product up to the as-of date minus cancellations and returns.", null));
        profile.setId("segment-profile");
        profile.addClassName("c360-matrix-layout");
        profile.setWidthFull();
        return profile;
    }

    private Div movement() {
        Movement m = segments.movement(id);
        Div card = Cards.card("Movement since the previous refresh");
        card.setId("segment-movement");
        card.add(Cards.muted(m.from() == null
                ? "No earlier refresh stored this segment's members: everyone counts as joined until the next refresh."
                : "From the members stored on " + m.from() + " to the members as of " + m.to() + "."));
        HorizontalLayout buttons = new HorizontalLayout(moverButton(Movement.Kind.JOINED, m.joined()),
                moverButton(Movement.Kind.LEFT, m.left()), moverButton(Movement.Kind.STAYED, m.stayed()));
        card.add(buttons);
        card.setWidthFull();
        return card;
    }

    private Button moverButton(Movement.Kind kind, long count) {
        String label = kind.name().charAt(0) + kind.name().substring(1).toLowerCase();
        Button button = new Button(label + ": " + Formats.count(count), e -> {
            movers.show(label + ": " + Formats.count(count) + " customers", count, true,
                    fileName + "-" + label.toLowerCase(),
                    (order, offset, limit) -> segments.movers(id, kind, order, offset, limit),
                    (order, format, out) -> segments.exportMovers(id, kind, order, format, out));
            movers.scrollIntoView();
        });
        button.setId("movement-" + label.toLowerCase());
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        return button;
    }

    private Div history() {
        List<SizePoint> points = segments.sizes(id);
        Div card = Cards.card("Size over the refreshes");
        card.setId("segment-history");
        card.setWidthFull();
        if (points.isEmpty()) {
            card.add(Cards.muted("No refresh has stored this segment's members yet."));
            return card;
        }
        ApexChart chart = new ApexChart(ChartOptions.countLine("Members at each refresh (version in brackets)",
                refreshLabels(points, ZoneId.systemDefault()),
                List.of(new ChartOptions.Series("Members", points.stream().map(SizePoint::customers).toList())),
                "Members"));
        chart.setId("segment-history-chart");
        card.add(chart);
        return card;
    }

    /**
     * Each refresh's label: its snapshot's as-of date and the version; where refreshes share an as-of date, also the
     * time each refreshed (to the second where the minute is shared too), so that no two labels read the same. Kept
     * short: the axis turns long labels, and the first one reaches left of the chart.
     */
    static List<String> refreshLabels(List<SizePoint> points, ZoneId zone) {
        Map<LocalDate, Long> perDay = points.stream().collect(Collectors.groupingBy(SizePoint::asOf,
                Collectors.counting()));
        Map<String, Long> perMinute = points.stream().collect(Collectors.groupingBy(p -> p.asOf()
                + MINUTE.format(p.refreshedAt().atZoneSameInstant(zone)), Collectors.counting()));
        return points.stream().map(p -> {
            String when = p.asOf().toString();
            if (perDay.get(p.asOf()) > 1) {
                String minute = MINUTE.format(p.refreshedAt().atZoneSameInstant(zone));
                when += " " + (perMinute.get(p.asOf() + minute) > 1
                        ? SECOND.format(p.refreshedAt().atZoneSameInstant(zone)) : minute);
            }
            return when + " (v" + p.version() + ")";
        }).toList();
    }

    private Div whyCard() {
        customerId.setId("why-customer");
        customerId.setAllowedCharPattern("[0-9]");
        customerId.setMaxLength(18);
        Button explain = new Button("Why in or out?", e -> explain());
        explain.setId("why-explain");
        explain.addClickShortcut(Key.ENTER);
        HorizontalLayout form = new HorizontalLayout(customerId, explain);
        form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        why.setId("why-result");
        Div card = Cards.card("Why in / why out", Cards.muted("A customer id, or a click on a member's row, shows "
                + "each criterion of the current version with the customer's value and whether it holds."), form, why);
        card.setId("segment-why");
        card.setWidthFull();
        return card;
    }

    private void explain() {
        why.removeAll();
        customerId.setInvalid(false);
        Optional<WhyResult> result = parse(customerId.getValue().strip()).flatMap(c -> segments.why(id, c));
        if (result.isEmpty()) {
            customerId.setErrorMessage("No such customer in your regions.");
            customerId.setInvalid(true);
            return;
        }
        WhyResult r = result.get();
        Span verdict = new Span((r.customerName() == null ? "Customer " + r.customerId() : r.customerName()) + " (id "
                + r.customerId() + ") is " + (r.member() ? "IN" : "OUT") + " (" + r.source() + ").");
        verdict.setId("why-verdict");
        Grid<CriterionCheck> checks = new Grid<>();
        checks.setId("why-checks");
        checks.addComponentColumn(c -> {
            Span criterion = new Span(c.criterion());
            criterion.getStyle().set("padding-left", c.depth() + "em");
            return criterion;
        }).setHeader("Criterion").setFlexGrow(3);
        checks.addColumn(c -> c.value() == null ? "–" : c.value()).setHeader("Customer's value").setFlexGrow(2);
        checks.addColumn(c -> c.holds() ? "holds" : "does not hold").setHeader("Verdict").setAutoWidth(true);
        checks.setItems(r.checks());
        checks.setAllRowsVisible(true);
        checks.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        why.add(new H3(verdict), checks);
    }
}
