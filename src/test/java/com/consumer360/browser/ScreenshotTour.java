package com.consumer360.browser;

import java.net.URI;
import java.util.List;

/**
 * Not a test: signs in as several users against a running portal and saves a screenshot of each page into
 * target/screenshots, for the docs. {@code java -cp <test classpath> com.consumer360.browser.ScreenshotTour
 * http://localhost:8080}
 */
public final class ScreenshotTour {

    private static final List<String[]> PAGES = List.of(
            new String[] {"north", "sales"}, new String[] {"exec", "sales"}, new String[] {"north", "rfm"},
            new String[] {"north", "behaviour"}, new String[] {"exec", "behaviour"}, new String[] {"exec", "segments"}, new String[] {"admin", "admin/refresh"}, new String[] {"csops", "rfm"},
            new String[] {"csops", "admin/users"});

    private ScreenshotTour() {
    }

    public static void main(String[] args) throws Exception {
        int port = URI.create(args.length > 0 ? args[0] : "http://localhost:8080").getPort();
        for (String[] page : PAGES) {
            try (Browser browser = new Browser(port)) {
                browser.signIn(page[0], "demo");
                browser.waitFor("#data-as-of");
                browser.open(page[1]);
                browser.waitFor("#data-as-of");
                browser.settle();
                Thread.sleep(2500); // charts animate in
                browser.screenshot("tour-" + page[1].replace('/', '-') + "-" + page[0]);
                if (page[1].equals("behaviour")) {
                    // The two preset groups compared: the side-by-side table and the R, F, M histograms.
                    browser.script("document.querySelector('#compare-button').click()");
                    browser.waitFor("#hist-monetary .apexcharts-canvas");
                    browser.settle();
                    browser.resize(1280, 1200); // a taller window, so that the table and the histograms both show
                    browser.settle();
                    browser.script("document.querySelector('#comparison').scrollIntoView()");
                    Thread.sleep(1500);
                    browser.movePointerAway();
                    browser.screenshot("tour-behaviour-comparison-" + page[0]);
                }
            }
        }
        System.out.println("screenshots in " + Browser.SCREENSHOTS.toAbsolutePath());
    }
}
