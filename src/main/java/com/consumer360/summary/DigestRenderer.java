package com.consumer360.summary;

import static org.springframework.web.util.HtmlUtils.htmlEscape;

import com.consumer360.ui.Formats;
import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The digest as a self-contained HTML e-mail (inline styles, no scripts, no images): headline figures with their
 * change, notable moves, the movement table and a link to the page. Every text from data is escaped.
 */
final class DigestRenderer {

    private static final String CELL = "style=\"padding:2px 6px;border:1px solid #ddd;text-align:right\"";
    private static final String HEAD = "style=\"padding:2px 6px;border:1px solid #ddd;background:#f3f5f7;text-align:left\"";

    private DigestRenderer() {
    }

    static String subject(WeeklySummary s) {
        return "Consumer360 weekly summary, week of " + s.current().snapshot().asOf();
    }

    static String html(String readerName, WeeklySummary s, String link) {
        Figures now = s.current();
        Figures before = s.previous();
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><body style=\"font-family:sans-serif;color:#1a2433\">");
        html.append("<h2>Weekly summary, ").append(now.snapshot().asOf()).append("</h2>");
        html.append("<p>").append(htmlEscape(readerName)).append(", here is the week in the regions you may see")
                .append(before == null ? "." : ", compared with the snapshot of " + before.snapshot().asOf() + ".")
                .append("</p>");
        html.append("<table style=\"border-collapse:collapse\">");
        row(html, "Active customers", count(now.active()), before == null ? "" : signed(now.active() - before.active()));
        row(html, "New customers", now.newCustomers() == null ? "–" : count(now.newCustomers()), "");
        row(html, "Lost customers", now.lost() == null ? "–" : count(now.lost()), "");
        row(html, Formats.withCurrency("Revenue"), now.revenue() == null ? "–" : money(now.revenue()), "");
        row(html, Formats.withCurrency("Average order value"), now.averageOrderValue() == null ? "–" : money(now.averageOrderValue()), "");
        row(html, Formats.withCurrency("Total expected CLV"), money(BigDecimal.valueOf(now.totalClv())), "");
        html.append("</table>");
        if (!s.notableMoves().isEmpty()) {
            html.append("<h3>Notable moves</h3><ul>");
            s.notableMoves().forEach(m -> html.append("<li>").append(htmlEscape(m)).append("</li>"));
            html.append("</ul>");
        }
        if (!s.movement().isEmpty()) {
            html.append("<h3>Movement between segments</h3><table style=\"border-collapse:collapse;font-size:12px\">");
            Set<String> from = new LinkedHashSet<>();
            Set<String> to = new LinkedHashSet<>();
            s.segments().forEach(r -> {
                from.add(r.segment());
                to.add(r.segment());
            });
            from.add(SummaryService.NEW);
            to.add(SummaryService.GONE);
            Map<String, Long> cells = s.movement().stream()
                    .collect(Collectors.toMap(m -> m.from() + "→" + m.to(), WeeklySummary.Move::customers));
            html.append("<tr><th ").append(HEAD).append(">from \\ to</th>");
            to.forEach(t -> html.append("<th ").append(HEAD).append(">").append(htmlEscape(t)).append("</th>"));
            html.append("</tr>");
            for (String f : from) {
                html.append("<tr><th ").append(HEAD).append(">").append(htmlEscape(f)).append("</th>");
                for (String t : to) {
                    Long n = cells.get(f + "→" + t);
                    html.append("<td ").append(CELL).append(">").append(n == null ? "" : count(n)).append("</td>");
                }
                html.append("</tr>");
            }
            html.append("</table>");
        }
        if (s.regions().size() > 1) {
            html.append("<h3>By region</h3><table style=\"border-collapse:collapse\"><tr>");
            for (String h : List.of("Region", "Active", "New", "Lost", Formats.withCurrency("Revenue"))) {
                html.append("<th ").append(HEAD).append(">").append(h).append("</th>");
            }
            html.append("</tr>");
            for (WeeklySummary.RegionRow r : s.regions()) {
                html.append("<tr><td ").append(CELL).append(">").append(htmlEscape(r.region())).append("</td>");
                for (String v : List.of(count(r.active()), count(r.newCustomers()), count(r.lost()), money(r.revenue()))) {
                    html.append("<td ").append(CELL).append(">").append(v).append("</td>");
                }
                html.append("</tr>");
            }
            html.append("</table>");
        }
        html.append("<p><a href=\"").append(htmlEscape(link)).append("\">Open the summary in Consumer360</a>")
                .append(" (definitions of every figure on the page).</p></body></html>");
        return html.toString();
    }

    private static void row(StringBuilder html, String label, String value, String change) {
        html.append("<tr><th ").append(HEAD).append(">").append(label).append("</th><td ").append(CELL).append(">")
                .append(value).append("</td><td ").append(CELL).append(">").append(change).append("</td></tr>");
    }

    private static String count(long n) {
        return Formats.count(n);
    }

    private static String signed(long n) {
        return Formats.signed(n);
    }

    private static String money(BigDecimal value) {
        return Formats.money(value);
    }
}
