package com.consumer360.rfm.ui;

import com.consumer360.rfm.CustomerMatch;
import com.consumer360.rfm.CustomerSearchService;
import com.consumer360.rfm.SearchText;
import com.consumer360.ui.Cards;
import com.consumer360.ui.PageHeader;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.List;

/**
 * Find a customer by id, code or name in the user's regions; results show as the user types and open the
 * customer's page. {@code customers?q=...} opens with a search filled in.
 */
@Route("customers")
@PageTitle("Customers · Consumer360")
@Menu(title = "Customers", order = 2.2)
@PermitAll
public class CustomerSearchView extends VerticalLayout implements BeforeEnterObserver {

    private final CustomerSearchService search;
    private final TextField text = new TextField();
    private final Paragraph summary = new Paragraph();
    private final Grid<CustomerMatch> results = new Grid<>();

    public CustomerSearchView(CustomerSearchService search) {
        this.search = search;
        addClassName("c360-page");
        setId("customer-search-view");
        text.setId("customer-search");
        text.setLabel("Find a customer");
        text.setPlaceholder("Id, customer code or name");
        text.setPrefixComponent(VaadinIcon.SEARCH.create());
        text.setClearButtonVisible(true);
        text.setWidth("22rem");
        text.setValueChangeMode(ValueChangeMode.LAZY);
        text.addValueChangeListener(e -> show(e.getValue()));
        summary.setId("customer-search-summary");
        summary.addClassName("c360-muted");
        results.setId("customer-search-results");
        results.addComponentColumn(c -> new Anchor("customers/" + c.customerId(), c.name())).setHeader("Customer")
                .setFlexGrow(2);
        results.addColumn(CustomerMatch::code).setHeader("Code").setAutoWidth(true);
        results.addColumn(CustomerMatch::customerId).setHeader("ID").setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true);
        results.addColumn(CustomerMatch::region).setHeader("Region").setAutoWidth(true);
        results.addColumn(CustomerMatch::country).setHeader("Country").setAutoWidth(true);
        results.setAllRowsVisible(true);
        results.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        add(PageHeader.of("Customers", summary, text), results,
                Cards.muted("Searches the customers of your regions only, by id, customer code (from the start) or "
                        + "any part of the name; at most " + CustomerSearchService.MAX_RESULTS + " results."));
        show("");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.getLocation().getQueryParameters().getSingleParameter("q").ifPresent(text::setValue);
    }

    private void show(String value) {
        List<CustomerMatch> found = search.search(value);
        results.setItems(found);
        results.setVisible(!found.isEmpty());
        summary.setText(!SearchText.searchable(value) ? "Type at least two characters of an id, code or name."
                : found.isEmpty() ? "No customer in your regions matches \"" + value.strip() + "\"."
                : found.size() == CustomerSearchService.MAX_RESULTS ? "The first " + found.size()
                        + " matches; type more to narrow them." : found.size() + (found.size() == 1 ? " match." : " matches."));
    }
}
