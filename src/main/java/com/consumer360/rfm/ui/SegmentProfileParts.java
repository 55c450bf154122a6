package com.consumer360.rfm.ui;

import com.consumer360.ui.Formats;
import com.consumer360.ui.Cards;
import com.consumer360.ui.ExportLinks;
import com.consumer360.rfm.SegmentProfile;
import com.consumer360.ui.chart.ApexChart;
import com.consumer360.ui.chart.ChartOptions;
import com.consumer360.ui.chart.ChartOptions.Series;
import com.vaadin.flow.component.html.Div;
import java.util.List;

/** The pieces of a segment's profile on the segments page: score chart, top countries, top products, exports. */
final class SegmentProfileParts {

    private SegmentProfileParts() {
    }

    static ApexChart scores(SegmentProfile p) {
        ApexChart scores = new ApexChart(ChartOptions.bar(p.segment() + ": customers by R, F and M score",
                List.of("1", "2", "3", "4", "5"),
                List.of(new Series("R", p.byRScore()), new Series("F", p.byFScore()), new Series("M", p.byMScore())),
                false));
        scores.setId("segment-profile-chart");
        return scores;
    }

    static Div countries(SegmentProfile p) {
        Div countries = Cards.card("Top countries");
        countries.setId("segment-countries");
        for (SegmentProfile.CountryCount country : p.topCountries()) {
            countries.add(Cards.figure(country.country(), Formats.count(country.customers()) + " ("
                    + Formats.percent(share(country.customers(), p)) + ")", null));
        }
        if (p.topCountries().isEmpty()) {
            countries.add(Cards.muted("No customers in this segment."));
        }
        return countries;
    }

    /** Net revenue of the segment's top products as horizontal bars (product descriptions are long). */
    static ApexChart products(SegmentProfile p) {
        List<SegmentProfile.ProductRevenue> top = p.topProducts();
        ApexChart chart = new ApexChart(ChartOptions.bar(p.segment() + ": top products by net revenue",
                top.stream().map(SegmentProfileParts::label).toList(),
                List.of(new Series("Net revenue", top.stream().map(SegmentProfile.ProductRevenue::revenue).toList())),
                true));
        chart.setId("segment-products-chart");
        return chart;
    }

    static Div exports(SegmentProfile p, String fileName, ExportLinks.Writer writer) {
        Div card = Cards.card("Top products");
        card.setId("segment-products");
        for (SegmentProfile.ProductRevenue product : p.topProducts()) {
            card.add(Cards.figure(product.description() + " · " + Formats.count(product.customers())
                    + (product.customers() == 1 ? " customer" : " customers"), Formats.money(product.revenue()), null));
        }
        ExportLinks links = new ExportLinks("segment-profile-export");
        links.set(fileName, writer);
        card.add(Cards.muted("Net revenue from the segment's customers: all their purchases of the product minus "
                + "cancellations and returns. The export holds the whole profile."), links);
        return card;
    }

    private static String label(SegmentProfile.ProductRevenue product) {
        String description = product.description();
        return description.length() > 28 ? description.substring(0, 27) + "…" : description;
    }

    private static double share(long customers, SegmentProfile p) {
        return p.customers() == 0 ? 0 : (double) customers / p.customers();
    }
}
