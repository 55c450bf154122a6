package com.consumer360.ui;

import com.consumer360.ui.chart.ApexChart;
import com.consumer360.ui.chart.ChartOptions;
import com.consumer360.ui.chart.ChartOptions.Series;
import com.vaadin.flow.component.html.Div;
import java.math.BigDecimal;
import java.util.List;

/**
 * The parts of a group of customers' profile, from plain figures, shared by the RFM segments page and the custom
 * segment pages: customers by R, F and M score, top countries, top products by net revenue (chart and card).
 * Element ids: {@code segment-profile-chart}, {@code segment-countries}, {@code segment-products-chart},
 * {@code segment-products}.
 */
public final class ProfileCharts {

    private ProfileCharts() {
    }

    /** Customers of one country. */
    public record Country(String name, long customers) {
    }

    /** One product over the group: how many of its customers bought it and their net revenue from it. */
    public record Product(String description, long customers, BigDecimal revenue) {
    }

    /** Customers per R, F and M score (index 0 = score 1) as grouped bars. */
    public static ApexChart scores(String name, List<Long> byR, List<Long> byF, List<Long> byM) {
        ApexChart scores = new ApexChart(ChartOptions.bar(name + ": customers by R, F and M score",
                List.of("1", "2", "3", "4", "5"),
                List.of(new Series("R", byR), new Series("F", byF), new Series("M", byM)), false));
        scores.setId("segment-profile-chart");
        return scores;
    }

    /** The most common countries with their customers and share of the group's {@code customers}. */
    public static Div countries(List<Country> top, long customers) {
        Div card = Cards.card("Top countries");
        card.setId("segment-countries");
        for (Country country : top) {
            card.add(Cards.figure(country.name(), Formats.count(country.customers()) + " ("
                    + Formats.percent(customers == 0 ? 0 : (double) country.customers() / customers) + ")", null));
        }
        if (top.isEmpty()) {
            card.add(Cards.muted("No customers in this segment."));
        }
        return card;
    }

    /** Net revenue of the top products as horizontal bars (product descriptions are long). */
    public static ApexChart products(String name, List<Product> top) {
        ApexChart chart = new ApexChart(ChartOptions.bar(name + ": top products by net revenue",
                top.stream().map(p -> label(p.description())).toList(),
                List.of(new Series(Formats.withCurrency("Net revenue"), top.stream().map(Product::revenue).toList())), true));
        chart.setId("segment-products-chart");
        return chart;
    }

    /** The top products as figures, followed by {@code note} and, when {@code export} is given, its links. */
    public static Div productCard(List<Product> top, String note, ExportLinks export) {
        Div card = Cards.card(Formats.withCurrency("Top products by net revenue"));
        card.setId("segment-products");
        for (Product product : top) {
            card.add(Cards.figure(product.description() + " · " + Formats.count(product.customers())
                    + (product.customers() == 1 ? " customer" : " customers"), Formats.money(product.revenue()), null));
        }
        card.add(Cards.muted(note));
        if (export != null) {
            card.add(export);
        }
        return card;
    }

    private static String label(String description) {
        return description.length() > 28 ? description.substring(0, 27) + "…" : description;
    }
}
