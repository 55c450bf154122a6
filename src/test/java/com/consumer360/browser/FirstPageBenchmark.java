package com.consumer360.browser;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Times the first screen in headless Chromium against a running portal (scripts/bench-first-page.sh starts the
 * production jar): "Sign in" pressed → landing page usable (its charts drawn, its grid filled), and each main route
 * opened by its address → content drawn; cold (empty HTTP cache) and warm. Prints median and p95 per interaction and
 * a breakdown from the Navigation and Resource Timing API of the last run (HTML, JavaScript bundle, Vaadin's first
 * server round trip where the view queries the database, chart drawing).
 *
 * <p>Usage: {@code FirstPageBenchmark BASE_URL RUNS USER}.
 */
public final class FirstPageBenchmark {

    private static final List<String> ROUTES = List.of("summary", "sales", "rfm", "cohorts", "basket");

    /**
     * Returns performance.now() once the view's visible charts have their SVG and its visible grids their cells and
     * Vaadin has no server round trip pending; false before.
     */
    private static final String DRAWN = """
            const view = document.querySelector(arguments[0]);
            if (!view) return false;
            const clients = Object.values((window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients) || {});
            if (clients.length === 0 || clients.some(c => c.isActive())) return false;
            const visible = e => e.offsetParent !== null;
            const charts = Array.from(view.querySelectorAll('c360-apex-chart')).filter(visible);
            const grids = Array.from(view.querySelectorAll('vaadin-grid')).filter(visible);
            if (charts.length + grids.length === 0) return false;
            if (charts.some(c => !c.querySelector('svg'))) return false;
            if (grids.some(g => !g.querySelector('vaadin-grid-cell-content'))) return false;
            return performance.now();
            """;

    /** As {@link #DRAWN}, and nothing left loading: no placeholder (Sales' product rankings) still waiting. */
    private static final String COMPLETE = """
            const view = document.querySelector(arguments[0]);
            if (!view || view.querySelector('.c360-loading')) return false;
            """ + DRAWN.substring(DRAWN.indexOf('\n') + 1);

    /** The navigation and resource timings of the current document, as one line of text. */
    private static final String BREAKDOWN = """
            const nav = performance.getEntriesByType('navigation')[0];
            const res = performance.getEntriesByType('resource');
            const js = res.filter(r => r.name.includes('/VAADIN/') && r.name.endsWith('.js'));
            const sum = (list, key) => list.reduce((s, r) => s + (r[key] || 0), 0);
            const init = res.filter(r => r.name.includes('v-r=init') || r.name.includes('v-r=uidl'));
            const round = x => Math.round(x);
            let out = 'html: redirect ' + round(nav.redirectEnd - nav.redirectStart) + ' ms, response '
                + round(nav.responseEnd - nav.startTime) + ' ms, ' + nav.transferSize + ' B over the wire;'
                + ' JS: ' + js.length + ' files, ' + round(sum(js, 'transferSize') / 1024) + ' KiB over the wire ('
                + round(sum(js, 'decodedBodySize') / 1024) + ' KiB decoded), last loaded at '
                + round(Math.max(0, ...js.map(r => r.responseEnd))) + ' ms;'
                + ' DOMContentLoaded ' + round(nav.domContentLoadedEventEnd) + ' ms, load ' + round(nav.loadEventEnd) + ' ms';
            init.slice(0, 3).forEach(r => out += '; ' + r.name.replace(/^.*\\?/, '?').substring(0, 20) + ' ' + round(r.startTime)
                + '→' + round(r.responseEnd) + ' ms (server ' + round(r.responseStart - r.requestStart) + ' ms)');
            return out;
            """;

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://localhost:8080/";
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        String user = args.length > 2 ? args[2] : "exec";
        Map<String, List<Double>> times = new LinkedHashMap<>();
        Map<String, String> breakdowns = new LinkedHashMap<>();
        for (int run = 0; run < runs; run++) {
            try (Browser browser = new Browser(base)) {
                // Cold: a fresh profile (empty cache), then warm: same browser, session cookie dropped.
                for (String cache : List.of("cold", "warm")) {
                    if (cache.equals("warm")) {
                        browser.forgetSession();
                    }
                    browser.open("login");
                    browser.waitFor("vaadin-login-form vaadin-button");
                    browser.settle();
                    long started = System.nanoTime();
                    browser.submitSignIn(user, "demo");
                    double inPage = waitDrawn(browser, "#sales-view", DRAWN);
                    double wall = (System.nanoTime() - started) / 1e6;
                    add(times, "sign-in → landing drawn, " + cache + " (click to drawn)", wall);
                    add(times, "sign-in → landing drawn, " + cache + " (navigation start to drawn)", inPage);
                    waitDrawn(browser, "#sales-view", COMPLETE);
                    add(times, "sign-in → landing complete, " + cache + " (click to product rankings drawn)",
                            (System.nanoTime() - started) / 1e6);
                    breakdowns.put("sign-in " + cache, (String) browser.script(BREAKDOWN)
                            + "; drawn " + Math.round(inPage) + " ms");
                }
                for (String route : ROUTES) {
                    for (String cache : List.of("cold", "warm")) {
                        if (cache.equals("cold")) {
                            browser.clearCache();
                        }
                        browser.open(route);
                        double inPage = waitDrawn(browser, "#" + route + "-view", COMPLETE);
                        add(times, "open /" + route + " by URL, " + cache, inPage);
                        breakdowns.put("/" + route + " " + cache, (String) browser.script(BREAKDOWN)
                                + "; drawn " + Math.round(inPage) + " ms");
                    }
                }
            }
            System.out.println("first page benchmark: run " + (run + 1) + " of " + runs + " done");
        }
        System.out.printf("first page benchmark: %s, %d runs as %s (ms; median / p95 / max)%n", base, runs, user);
        times.forEach((name, values) -> System.out.printf("  %-62s %6.0f / %6.0f / %6.0f%n", name,
                percentile(values, 0.5), percentile(values, 0.95), percentile(values, 1.0)));
        System.out.println("breakdown of the last run (times from the document's navigation start):");
        breakdowns.forEach((name, text) -> System.out.println("  " + name + ": " + text));
    }

    /**
     * Polls every 20 ms (WebDriverWait polls every 500 ms) until {@code condition} ({@link #DRAWN} or
     * {@link #COMPLETE}) holds; the page's performance.now() then.
     */
    private static double waitDrawn(Browser browser, String view, String condition) throws InterruptedException {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < deadline) {
            Object drawn;
            try {
                drawn = browser.script(condition, view);
            } catch (RuntimeException navigating) {
                drawn = null;
            }
            if (drawn instanceof Number at) {
                return at.doubleValue();
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException(view + " not drawn in 120 s; page: " + browser.pageText());
    }

    private static void add(Map<String, List<Double>> times, String name, double value) {
        times.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }

    /** Nearest-rank percentile. */
    private static double percentile(List<Double> values, double p) {
        List<Double> sorted = values.stream().sorted().toList();
        int rank = (int) Math.ceil(p * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    private FirstPageBenchmark() {
    }
}
