package com.consumer360.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A headless Debian Chromium driven through chromedriver, signed in to the portal as one user. */
final class Browser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target/screenshots");

    private final WebDriver driver;
    private final String baseUrl;
    private final WebDriverWait wait;
    /** Chromium's profile directory for this browser: 10-30 MB each, deleted on close. */
    private final Path profile;

    Browser(int port) throws IOException {
        this("http://localhost:" + port + "/");
    }

    /** A browser for the portal at {@code baseUrl} (ending in a slash), e.g. a production build run by hand. */
    Browser(String baseUrl) throws IOException {
        this.profile = Files.createTempDirectory("c360-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("chromium.binary", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1280,800");
        org.openqa.selenium.logging.LoggingPreferences logs = new org.openqa.selenium.logging.LoggingPreferences();
        logs.enable(org.openqa.selenium.logging.LogType.BROWSER, java.util.logging.Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver")).toFile())
                .build();
        this.driver = new ChromeDriver(service, options);
        this.driver.manage().window().setSize(new Dimension(1280, 800));
        this.baseUrl = baseUrl;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(60));
    }

    void signIn(String username, String password) {
        open("login");
        submitSignIn(username, password);
    }

    /** Fills in and submits the sign-in form of the page the browser shows. */
    void submitSignIn(String username, String password) {
        WebElement user = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("input[name='username']")));
        user.sendKeys(username);
        driver.findElement(By.cssSelector("input[name='password']")).sendKeys(password);
        driver.findElement(By.cssSelector("vaadin-login-form vaadin-button[slot='submit'], vaadin-login-form "
                + "vaadin-button")).click();
    }

    void open(String path) {
        driver.get(baseUrl + path);
    }

    WebElement waitFor(String css) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    }

    void waitForText(String css, String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
    }

    /** Waits until the script returns true, for at most the browser's wait of 60 s. */
    void waitUntilScript(String script, Object... arguments) {
        wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(script, arguments)));
    }

    /** Waits until Vaadin has no pending server round trip. */
    void settle() {
        wait.until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                "return !!window.Vaadin && !!window.Vaadin.Flow && Object.values(window.Vaadin.Flow.clients || {})"
                        + ".every(c => !c.isActive())"));
    }

    Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    /** Whether the page fits the window's width, with no horizontal scrolling. */
    boolean fitsWidth() {
        return (Boolean) script("return document.documentElement.scrollWidth <= window.innerWidth");
    }

    /** Runs a script that calls {@code arguments[arguments.length - 1]} with its result (e.g. after a fetch). */
    Object asyncScript(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeAsyncScript(script, arguments);
    }

    /** Fetches the export link's target with the browser's session, as a click would download it; its lines. */
    List<String> download(String anchor) {
        String text = (String) asyncScript("const done = arguments[arguments.length - 1];"
                + "fetch(document.querySelector(arguments[0]).href).then(r => r.text()).then(done)", anchor);
        return text.lines().toList();
    }

    /** The export link's file as bytes, fetched with the browser's session (base64 through the script bridge). */
    byte[] downloadBytes(String anchor) {
        String base64 = (String) asyncScript("const done = arguments[arguments.length - 1];"
                + "fetch(document.querySelector(arguments[0]).href).then(r => r.blob()).then(b => {"
                + "const reader = new FileReader(); reader.onload = () => done(reader.result.split(',')[1]);"
                + "reader.readAsDataURL(b); })", anchor);
        return Base64.getDecoder().decode(base64);
    }

    /** The customer ids a grid links to (its links end in customers/{id}). */
    @SuppressWarnings("unchecked")
    List<Long> linkedCustomerIds(String grid) {
        List<String> hrefs = (List<String>) script("return Array.from(document.querySelectorAll("
                + "arguments[0] + ' a')).map(a => a.getAttribute('href'))", grid);
        return hrefs.stream().map(href -> Long.parseLong(href.substring(href.lastIndexOf('/') + 1))).toList();
    }

    /** Picks one region in the region filter (#region-filter) as a user would: type its name, choose it. */
    void chooseRegion(String region) {
        find("#region-filter input").click();
        find("#region-filter input").sendKeys(region);
        waitUntilScript("return Array.from(document.querySelectorAll('vaadin-multi-select-combo-box-item'))"
                + ".some(i => i.textContent.trim() === arguments[0])", region);
        script("Array.from(document.querySelectorAll('vaadin-multi-select-combo-box-item'))"
                + ".find(i => i.textContent.trim() === arguments[0]).click()", region);
        find("#region-filter input").sendKeys(org.openqa.selenium.Keys.ESCAPE);
        settle();
    }

    /** Resizes the window, e.g. to a tablet's width. */
    void resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    /** Moves the pointer to the page's top-left corner, so no hover tooltip shows in a screenshot. */
    void movePointerAway() {
        new org.openqa.selenium.interactions.Actions(driver).moveToLocation(1, 1).perform();
    }

    /** The element that has the keyboard focus. */
    WebElement activeElement() {
        return driver.switchTo().activeElement();
    }

    /** The browser console's messages so far, one a line, to print when a wait for the page fails. */
    String console() {
        StringBuilder out = new StringBuilder();
        driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).forEach(e -> out.append(e).append('\n'));
        return out.toString();
    }

    /** The browser console's messages since the last call (errors such as Content-Security-Policy refusals). */
    List<String> consoleMessages() {
        return driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .map(entry -> entry.getLevel() + " " + entry.getMessage()).toList();
    }

    /** Fetches a URL with the browser's cookies: "status content-type" on the first line, then the body. */
    String fetch(String url) {
        return (String) asyncScript("const done = arguments[arguments.length - 1];"
                + "fetch(arguments[0]).then(r => r.text().then(t => done(r.status + ' ' + r.headers.get('content-type')"
                + " + '\\n' + t))).catch(e => done('failed ' + e))", url);
    }

    /** Picks an item of a combo box as a user would: type part of its label, click it in the overlay. */
    void chooseItem(String comboBox, String label) {
        script("document.querySelector(arguments[0]).scrollIntoView({block: 'center'})", comboBox);
        find(comboBox + " input").click();
        // Replaces what the field shows (a chosen item's label), as typing over a selection does.
        find(comboBox + " input").sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), label);
        waitUntilScript("return Array.from(document.querySelectorAll('vaadin-combo-box-item'))"
                + ".some(i => i.textContent.trim() === arguments[0])", label);
        script("Array.from(document.querySelectorAll('vaadin-combo-box-item'))"
                + ".find(i => i.textContent.trim() === arguments[0]).click()", label);
        settle();
    }

    /**
     * Pixels by which a grid's header cells and its first row's cells are out of line (the largest difference of a
     * column's left edge; 0 when they line up). A width in em makes a header cell (smaller text) narrower than the
     * body cells of its column.
     */
    long gridMisalignment(String grid) {
        return ((Number) script("const sr = document.querySelector(arguments[0]).shadowRoot;"
                + "const head = [...sr.querySelectorAll('#header tr th')].map(c => c.getBoundingClientRect().left);"
                + "const body = [...sr.querySelectorAll('#items tr:first-child td')].map(c => c.getBoundingClientRect().left);"
                + "return Math.round(Math.max(0, ...head.map((x, i) => Math.abs(x - (body[i] ?? x)))));", grid)).longValue();
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    String pageText() {
        return (String) script("return document.body.innerText");
    }

    String currentUrl() {
        return driver.getCurrentUrl();
    }

    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Signs out by dropping the session cookie; the HTTP cache stays (a warm browser). */
    void forgetSession() {
        driver.manage().deleteAllCookies();
    }

    /** Empties the browser's HTTP cache (DevTools protocol), so the next page loads every resource again (cold). */
    void clearCache() {
        ((ChromeDriver) driver).executeCdpCommand("Network.clearBrowserCache", java.util.Map.of());
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try {
                org.springframework.util.FileSystemUtils.deleteRecursively(profile);
            } catch (IOException e) {
                System.err.println("Could not delete the browser profile " + profile + ": " + e);
            }
        }
    }

    /** The labels of the side navigation, in order. */
    @SuppressWarnings("unchecked")
    java.util.List<String> navLabels() {
        waitFor("vaadin-side-nav-item");
        return (java.util.List<String>) script(
                "return Array.from(document.querySelectorAll('vaadin-side-nav-item')).map(i => i.textContent.trim())");
    }

    /** An amount in cents as the pages show money: 1,234.50. */
    static String money(long cents) {
        java.text.NumberFormat format = java.text.NumberFormat.getNumberInstance(java.util.Locale.UK);
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        return format.format(java.math.BigDecimal.valueOf(cents, 2));
    }
}
