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
            new String[] {"exec", "segments"}, new String[] {"admin", "admin/refresh"}, new String[] {"csops", "rfm"},
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
            }
        }
        System.out.println("screenshots in " + Browser.SCREENSHOTS.toAbsolutePath());
    }
}
