package com.consumer360.clv.ui;

import com.consumer360.clv.ClvCustomer;
import com.consumer360.clv.SegmentValue;
import com.consumer360.ui.CustomerList;
import com.consumer360.ui.Formats;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import java.util.function.ToDoubleFunction;

/** The CLV page's grids: the two customer lists and the segment table. */
final class ClvGrids {

    private ClvGrids() {
    }

    /** A customer list; {@code atRisk} adds past value and value at risk, the churn list's measures. */
    static Grid<ClvCustomer> customers(String id, boolean atRisk) {
        Grid<ClvCustomer> grid = new Grid<>();
        grid.setId(id);
        grid.addComponentColumn(c -> CustomerList.customerLink(c.customerId(),
                        c.name() == null ? "#" + c.customerId() : c.name()))
                .setHeader("Customer").setFlexGrow(2).setAutoWidth(true);
        grid.addColumn(ClvCustomer::region).setHeader("Region").setKey("region").setAutoWidth(true);
        if (atRisk) {
            end(grid.addColumn(c -> Formats.money(c.monetary())).setHeader(Formats.withCurrency("Past value")));
            end(grid.addColumn(c -> Formats.count(c.recencyDays())).setHeader("Days since last"));
        }
        end(grid.addColumn(c -> Formats.money(c.clv())).setHeader(Formats.withCurrency("CLV")));
        end(grid.addColumn(c -> Formats.decimal(c.pAlive(), 2)).setHeader("P(alive)"));
        if (atRisk) {
            end(grid.addColumn(c -> Formats.money(c.valueAtRisk())).setHeader(Formats.withCurrency("Value at risk")));
        } else {
            end(grid.addColumn(c -> Formats.decimal(c.expectedPurchases(), 2)).setHeader("Exp. purchases"));
            end(grid.addColumn(c -> Formats.money(c.expectedAverageValue())).setHeader(Formats.withCurrency("Avg order value")));
        }
        grid.addColumn(ClvCustomer::segment).setHeader("Segment").setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setPageSize(50);
        grid.setHeight("380px");
        return grid;
    }

    static Grid<SegmentValue> segments() {
        Grid<SegmentValue> grid = new Grid<>();
        grid.setId("clv-segments-grid");
        grid.addColumn(SegmentValue::segment).setHeader("Segment").setFlexGrow(2).setAutoWidth(true);
        end(grid.addColumn(s -> Formats.count(s.customers())).setHeader("Customers"));
        money(grid, "Mean CLV", SegmentValue::meanClv);
        money(grid, "Total CLV", SegmentValue::totalClv);
        end(grid.addColumn(s -> s.customers() == 0 ? "–" : Formats.decimal(s.meanPAlive(), 2))
                .setHeader("Mean P(alive)"));
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        return grid;
    }

    private static void money(Grid<SegmentValue> grid, String header, ToDoubleFunction<SegmentValue> value) {
        end(grid.addColumn(s -> s.customers() == 0 ? "–" : Formats.money(value.applyAsDouble(s))).setHeader(Formats.withCurrency(header)));
    }

    private static <T> void end(Grid.Column<T> column) {
        column.setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
    }
}
