package com.consumer360.ui;

import com.consumer360.warehouse.CellCustomer;
import com.consumer360.export.ExportFormat;
import com.consumer360.ui.ExportLinks;
import com.consumer360.warehouse.CustomerOrder;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.data.provider.QuerySortOrder;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.component.html.Anchor;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.util.List;

/**
 * A titled, lazily loaded, sortable list of customers (of a matrix cell or a segment) with CSV and XLSX exports
 * of the same rows in the same order. Both go through the scoped service the page passes in.
 */
public final class CustomerList extends Div {

    /** One page of the list in the given order. */
    public interface Pages extends Serializable {
        List<CellCustomer> fetch(CustomerOrder order, int offset, int limit);
    }

    /** The whole list in the given order and format. */
    public interface Export extends Serializable {
        void write(CustomerOrder order, ExportFormat format, OutputStream out) throws IOException;
    }

    private final H3 title = new H3();
    private final ExportLinks export;
    private final Grid<CellCustomer> grid = new Grid<>();
    private String fileName;
    private Export exports;

    /**
     * Element ids: {@code prefix-title}, {@code prefix-export} (CSV), {@code prefix-export-xlsx},
     * {@code prefix-customers-grid}.
     */
    public CustomerList(String prefix) {
        setWidthFull();
        setVisible(false);
        title.setId(prefix + "-title");
        export = new ExportLinks(prefix + "-export");
        grid.setId(prefix + "-customers-grid");
        HorizontalLayout header = new HorizontalLayout(title, export);
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        header.setWidthFull();
        header.expand(title);
        configureGrid();
        add(header, grid);
    }

    /** Shows the list; {@code fileName} is the exports' file name without extension. */
    public void show(String heading, long count, boolean showRegion, String fileName, Pages pages, Export exports) {
        title.setText(heading);
        this.fileName = fileName;
        this.exports = exports;
        grid.setItems(query -> pages.fetch(order(query.getSortOrders()), query.getOffset(), query.getLimit()).stream(),
                query -> (int) Math.min(Integer.MAX_VALUE, count));
        grid.getColumnByKey("region").setVisible(showRegion);
        updateExport();
        setVisible(true);
    }

    /** Calls {@code listener} with the customer of a row the user clicks (outside the customer link). */
    public void addCustomerClickListener(com.vaadin.flow.function.SerializableConsumer<CellCustomer> listener) {
        grid.addItemClickListener(e -> listener.accept(e.getItem()));
    }

    private void updateExport() {
        if (exports == null) {
            return;
        }
        Export write = exports;
        CustomerOrder order = order(grid.getSortOrder().stream()
                .map(s -> new QuerySortOrder(s.getSorted().getKey(), s.getDirection())).toList());
        export.set(fileName, (format, out) -> write.write(order, format, out));
    }

    private static CustomerOrder order(List<QuerySortOrder> sortOrders) {
        if (sortOrders.isEmpty()) {
            return CustomerOrder.BY_MONETARY;
        }
        QuerySortOrder first = sortOrders.getFirst();
        return new CustomerOrder(CustomerOrder.Column.valueOf(first.getSorted()),
                first.getDirection() == SortDirection.DESCENDING);
    }

    private void configureGrid() {
        grid.addComponentColumn(c -> customerLink(c.customerId(), c.name() == null ? "#" + c.customerId() : c.name()))
                .setHeader("Customer").setFlexGrow(2).setKey(CustomerOrder.Column.NAME.name())
                .setSortProperty(CustomerOrder.Column.NAME.name());
        grid.addColumn(CellCustomer::customerId).setHeader("ID").setTextAlign(ColumnTextAlign.END);
        grid.addColumn(CellCustomer::region).setHeader("Region").setKey("region");
        sortable(grid.addColumn(c -> Formats.count(c.recencyDays())).setHeader("Recency (days)"),
                CustomerOrder.Column.RECENCY);
        sortable(grid.addColumn(c -> Formats.count(c.frequency())).setHeader("Frequency"), CustomerOrder.Column.FREQUENCY);
        sortable(grid.addColumn(c -> Formats.money(c.monetary())).setHeader(Formats.withCurrency("Monetary")), CustomerOrder.Column.MONETARY);
        grid.addColumn(CellCustomer::segment).setHeader("Segment").setFlexGrow(2);
        sortable(grid.addColumn(c -> Formats.money(c.clv())).setHeader(Formats.withCurrency("CLV")), CustomerOrder.Column.CLV);
        grid.setMultiSort(false);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setPageSize(50);
        grid.setHeight("420px");
        grid.sort(List.of(new GridSortOrder<>(grid.getColumnByKey(CustomerOrder.Column.MONETARY.name()),
                SortDirection.DESCENDING)));
        grid.addSortListener(e -> updateExport());
    }

    /**
     * A router link to the customer page ({@code customers/{id}}, owned by the rfm feature): by path, so the shared
     * UI does not depend on a feature's view.
     */
    public static Anchor customerLink(long customerId, String text) {
        Anchor link = new Anchor("customers/" + customerId, text);
        link.getElement().setAttribute("router-link", true);
        return link;
    }

    private static void sortable(Grid.Column<CellCustomer> column, CustomerOrder.Column by) {
        column.setKey(by.name()).setSortProperty(by.name()).setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
    }
}
