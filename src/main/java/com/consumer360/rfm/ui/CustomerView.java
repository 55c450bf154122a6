package com.consumer360.rfm.ui;

import com.consumer360.ui.SegmentColors;
import com.consumer360.ui.Formats;
import com.consumer360.ui.Cards;
import com.consumer360.ui.ExportLinks;
import com.consumer360.ui.PreviousPage;
import com.consumer360.rfm.CustomerDetail;
import com.consumer360.rfm.CustomerDetail.PastSegment;
import com.consumer360.rfm.CustomerInvoice;
import com.consumer360.rfm.RfmService;
import com.consumer360.security.Roles;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Optional;

/**
 * One customer: RFM values with the score each produced and why, the segment and why, CLV and P(alive), and the
 * segment in every retained snapshot, the latest invoices (all of them as CSV or XLSX). An id outside the user's regions reads exactly like one that does not exist.
 */
@Route("customers/:id")
@PageTitle("Customer · Consumer360")
@RolesAllowed({Roles.REGIONAL_MANAGER, Roles.EXECUTIVE, Roles.CS_OPS, Roles.ADMIN})
public class CustomerView extends VerticalLayout implements BeforeEnterObserver {

    private final RfmService rfm;

    public CustomerView(RfmService rfm) {
        this.rfm = rfm;
        addClassName("c360-page");
        setId("customer-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        Optional<CustomerDetail> detail = event.getRouteParameters().get("id").flatMap(CustomerView::parse)
                .flatMap(rfm::customer);
        Anchor back = PreviousPage.backLink(event.getUI(), location -> location.startsWith("customers/"), "rfm",
                "RFM matrix");
        if (detail.isEmpty()) {
            notFound(back);
        } else {
            show(detail.get(), back);
        }
    }

    private static Optional<Long> parse(String id) {
        try {
            return Optional.of(Long.parseLong(id));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private void notFound(Anchor back) {
        Div message = new Div(new H2("Customer not found"),
                new Paragraph("There is no customer with this id in the current snapshot of the regions you can see."),
                back);
        message.setId("customer-not-found");
        add(message);
    }

    private void show(CustomerDetail c, Anchor back) {
        H2 name = new H2(c.name() == null ? "Customer " + c.customerId() : c.name());
        name.setId("customer-name");
        Paragraph meta = new Paragraph("Customer " + c.customerCode() + " · id " + c.customerId() + " · " + c.region()
                + (c.country() == null ? "" : " · " + c.country()) + " · snapshot as of " + c.asOf());
        meta.addClassName("c360-muted");

        Span chip = new Span(c.segment());
        chip.addClassName("c360-segment-chip");
        chip.addClassName("c360-segment-chip-large");
        chip.getStyle().set("--c360-segment-color", SegmentColors.of(c.segment()));
        chip.setId("customer-segment");
        Paragraph why = new Paragraph(ScoreExplanations.segment(c));
        why.setId("segment-explanation");
        Div segmentCard = Cards.card("Segment", chip, why);

        Div value = Cards.card("Customer value",
                Cards.figure(Formats.withCurrency("CLV"), Formats.money(c.clv()), "customer-clv"),
                Cards.figure("P(alive)", c.pAlive() == null ? "–" : Formats.decimal(c.pAlive(), 2), "customer-palive"),
                Cards.figure("Expected purchases", c.expectedPurchases() == null ? "–"
                        : Formats.decimal(c.expectedPurchases(), 1), "customer-expected"),
                Cards.muted("CLV = discounted expected net revenue (BG/NBD × Gamma-Gamma); P(alive) = probability that "
                        + "the customer has not dropped out (BG/NBD); expected purchases over the model's horizon. "
                        + "Empty when the snapshot could not fit the models."));
        if (c.pAlive() != null && c.pAlive() == 1.0) {
            // BG/NBD lets a customer drop out only after a repeat purchase: one who never came back scores 1.
            Paragraph note = new Paragraph("P(alive) is 1 because the customer has made no repeat purchase on a "
                    + "later day: the BG/NBD model lets customers drop out only after a repeat purchase, so it cannot "
                    + "tell whether this one is gone. Judge by recency (" + (c.recencyDays() == 1 ? "1 day"
                    : Formats.count(c.recencyDays()) + " days") + ") and the segment instead.");
            note.addClassName("c360-muted");
            note.setId("customer-palive-note");
            value.add(note);
        }
        Div top = new Div(segmentCard, value);
        top.addClassName("c360-two-columns");
        top.setWidthFull();

        Div scores = Cards.card("Scores and why",
                scoreRow("Recency", c.recencyDays() + (c.recencyDays() == 1 ? " day" : " days"), c.rScore(),
                        ScoreExplanations.recency(c), "explain-r"),
                scoreRow("Frequency", c.frequency() + (c.frequency() == 1 ? " invoice" : " invoices"), c.fScore(),
                        ScoreExplanations.frequency(c), "explain-f"),
                scoreRow("Monetary", Formats.money(c.monetary()), c.mScore(), ScoreExplanations.monetary(c),
                        "explain-m"),
                Cards.muted("Scores are quintiles over all customers of the snapshot in every region (ties share the "
                        + "lower score); the ranges above are those of the customers you can see."));
        scores.setWidthFull();

        Div history = new Div(new H3("Segment in each snapshot"), history(c));
        ExportLinks export = new ExportLinks("invoices-export");
        export.set("customer-" + c.customerId() + "-invoices",
                (format, out) -> rfm.exportCustomerInvoices(c.customerId(), format, out));
        Div invoices = new Div(new H3("Latest invoices"), invoices(c),
                Cards.muted("The exports hold every invoice of the customer, newest first."), export);
        Div bottom = new Div(history, invoices);
        bottom.addClassName("c360-two-columns");
        bottom.setWidthFull();
        add(back, name, meta, top, scores,
                Definitions.panel("customer-definitions"), bottom);
    }

    private static Grid<PastSegment> history(CustomerDetail c) {
        Grid<PastSegment> grid = new Grid<>();
        grid.setId("segment-history");
        grid.addColumn(p -> p.asOf() + (p.current() ? " (current)" : "")).setHeader("Snapshot as of")
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(PastSegment::rScore).setHeader("R").setTextAlign(ColumnTextAlign.END).setWidth("3rem");
        grid.addColumn(PastSegment::fScore).setHeader("F").setTextAlign(ColumnTextAlign.END).setWidth("3rem");
        grid.addColumn(PastSegment::mScore).setHeader("M").setTextAlign(ColumnTextAlign.END).setWidth("3rem");
        grid.addColumn(PastSegment::segment).setHeader("Segment").setFlexGrow(3);
        grid.setItems(c.history());
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        return grid;
    }

    private static Grid<CustomerInvoice> invoices(CustomerDetail c) {
        Grid<CustomerInvoice> grid = new Grid<>();
        grid.setId("customer-invoices");
        grid.addColumn(i -> i.invoiceNo() + (i.cancellation() ? " (cancellation)" : "")).setHeader("Invoice")
                .setFlexGrow(2);
        grid.addColumn(i -> i.invoicedAt().toLocalDate()).setHeader("Date");
        grid.addColumn(i -> Formats.count(i.lines())).setHeader("Lines").setTextAlign(ColumnTextAlign.END);
        grid.addColumn(i -> Formats.money(i.netAmount())).setHeader(Formats.withCurrency("Net amount")).setTextAlign(ColumnTextAlign.END);
        grid.setItems(c.latestInvoices());
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        return grid;
    }

    private static Div scoreRow(String measure, String value, int score, String explanation, String id) {
        Span badge = new Span(String.valueOf(score));
        badge.addClassName("c360-score");
        badge.addClassName("c360-score-" + score);
        Span label = new Span(measure);
        label.addClassName("c360-figure-label");
        Span number = new Span(value);
        number.addClassName("c360-score-value");
        Paragraph text = new Paragraph(explanation);
        text.setId(id);
        Div row = new Div(badge, new Div(label, number), text);
        row.addClassName("c360-score-row");
        return row;
    }



}
