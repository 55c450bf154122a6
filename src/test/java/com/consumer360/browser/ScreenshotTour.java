package com.consumer360.browser;

import java.net.URI;

/**
 * Not a test: signs in as several users against a running portal and saves screenshots for the docs.
 * {@code java -cp <test classpath> com.consumer360.browser.ScreenshotTour http://localhost:8080}
 */
public final class ScreenshotTour {

    private ScreenshotTour() {
    }

    public static void main(String[] args) throws Exception {
        int port = URI.create(args.length > 0 ? args[0] : "http://localhost:8080").getPort();
        for (String user : new String[] {"north", "exec"}) {
            try (Browser browser = new Browser(port)) {
                browser.signIn(user, "demo");
                browser.waitFor("#region-grid");
                browser.waitFor("c360-apex-chart .apexcharts-canvas");
                browser.settle();
                Thread.sleep(1000);
                browser.screenshot("tour-sales-" + user);
                browser.script("document.querySelector('#region-grid').scrollIntoView()");
                Thread.sleep(500);
                browser.screenshot("tour-sales-" + user + "-2");
            }
        }
        System.out.println("screenshots in " + Browser.SCREENSHOTS.toAbsolutePath());
    }
}
