package com.consumer360.browser;

import static com.consumer360.support.TestDatabase.superuserLong;
import static org.assertj.core.api.Assertions.assertThat;

import com.consumer360.admin.UserAdminService;
import com.consumer360.security.Roles;
import com.consumer360.support.SignedIn;
import com.consumer360.support.PortalIntegration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The Users page as an admin uses it, and what a change does to a user who is signed in: new regions apply at their
 * next request, a disabled user is signed out at their next request.
 */
@PortalIntegration
class UsersViewBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    UserAdminService admin;

    @Autowired
    UserDetailsService users;

    @Test
    void adminCreatesAUserOnThePageAndBadInputIsExplainedInTheDialog() throws Exception {
        String name = "page-user-" + System.nanoTime() % 100_000;
        try (Browser browser = new Browser(port)) {
            browser.signIn("admin", "demo");
            browser.waitFor("#region-grid");
            browser.open("admin/users");
            browser.waitFor("#users-grid");
            browser.find("#user-new").click();
            browser.waitFor("#user-form-username");
            // Three mistakes at once: each is said at its field, in words, and nothing is created.
            type(browser, "#user-form-username input", "Not Valid!");
            type(browser, "#user-form-name input", "Page User");
            type(browser, "#user-form-password input", "short");
            check(browser, "#user-form-regions", "West");
            browser.find("#user-form-save").click();
            browser.waitUntilScript("return document.querySelector('#user-form-roles').invalid");
            assertThat(fieldError(browser, "#user-form-username")).isEqualTo("Use 2–64 characters: lower-case "
                    + "letters, digits, dots, dashes or underscores, beginning with a letter or digit.");
            assertThat(fieldError(browser, "#user-form-password")).isEqualTo("The password needs at least "
                    + UserAdminService.MIN_PASSWORD_LENGTH + " characters.");
            assertThat(fieldError(browser, "#user-form-roles")).isEqualTo("Choose at least one role.");
            assertThat(fieldError(browser, "#user-form-name")).isNull();
            assertThat(browser.script("const e = document.querySelector('#user-form-error');"
                    + "return e === null || e.offsetParent === null")).as("no message under the form").isEqualTo(true);
            browser.movePointerAway();
            browser.screenshot("users-dialog-errors");
            browser.resize(820, 1000);
            browser.settle();
            browser.screenshot("users-dialog-errors-tablet");
            browser.resize(1280, 800);
            assertThat(superuserLong("SELECT count(*) FROM app_user WHERE display_name = 'Page User'")).isZero();

            // A name the database refuses (taken) is said at the user name too; a corrected field loses its message.
            type(browser, "#user-form-username input", "admin");
            type(browser, "#user-form-password input", "page password");
            check(browser, "#user-form-roles", "CS ops");
            browser.waitUntilScript("return !document.querySelector('#user-form-roles').invalid");
            browser.find("#user-form-save").click();
            browser.waitUntilScript("return document.querySelector('#user-form-username').errorMessage "
                    + "=== 'This user name is taken: choose another.'");
            assertThat(browser.script("return document.querySelector('#user-form-username').invalid")).isEqualTo(true);
            assertThat(browser.script("return document.querySelector('#user-form-password').invalid")).isEqualTo(false);
            assertThat(superuserLong("SELECT count(*) FROM app_user WHERE display_name = 'Page User'")).isZero();
            WebElement username = browser.find("#user-form-username input");
            username.clear();
            username.sendKeys(name);
            browser.find("#user-form-save").click();
            browser.waitForText("#users-grid", name);
            browser.waitForText("#user-changes-grid", name);
            browser.settle();
            browser.screenshot("users-admin");
            assertThat(browser.find("#user-changes-grid").getText()).as("the change in words")
                    .contains("Created", "roles CS ops; regions West").doesNotContain("CS_OPS");
            assertThat(browser.find("#users-grid").getText()).contains("CS ops").doesNotContain("CS_OPS");
            assertThat(superuserLong("SELECT count(*) FROM app_user u JOIN app_user_region r USING (user_id) "
                    + "JOIN app_user_role o USING (user_id) WHERE u.username = ? AND r.region_id = 4 "
                    + "AND o.role_name = 'CS_OPS'", name)).isEqualTo(1);
        }
    }

    @Test
    void aChangeOfRegionsAppliesAtTheUsersNextRequestAndDisablingSignsThemOut() throws Exception {
        String name = "moving-user-" + System.nanoTime() % 100_000;
        asAdmin(() -> {
            admin.createUser(name, "Moving Manager", "moving password", Set.of(Roles.REGIONAL_MANAGER),
                    Set.of((short) 3));
            return null;
        });
        try (Browser browser = new Browser(port)) {
            browser.signIn(name, "moving password");
            browser.waitFor("#region-grid");
            browser.settle();
            assertThat(regionCells(browser)).contains("East").doesNotContain("North", "South", "West", "Central");

            asAdmin(() -> {
                admin.setAccess(name, Set.of(Roles.REGIONAL_MANAGER), Set.of((short) 2));
                return null;
            });
            browser.open("");
            browser.waitFor("#region-grid");
            browser.settle();
            assertThat(regionCells(browser)).contains("South").doesNotContain("East", "North", "West", "Central");

            asAdmin(() -> {
                admin.setEnabled(name, false);
                return null;
            });
            browser.open("");
            browser.waitFor("input[name='username']");
            assertThat(browser.currentUrl()).contains("login");
            assertThat(browser.pageText()).doesNotContain("South", "Moving Manager");
        }
    }

    private <T> T asAdmin(Callable<T> work) throws Exception {
        return SignedIn.call(users, "admin", work);
    }

    private static void type(Browser browser, String css, String text) {
        WebElement input = browser.find(css);
        input.clear();
        input.sendKeys(text);
    }

    /** The message a field shows, or null when it is valid. */
    private static String fieldError(Browser browser, String field) {
        return (String) browser.script("const f = document.querySelector(arguments[0]);"
                + "return f.invalid ? f.errorMessage : null", field);
    }

    private static void check(Browser browser, String group, String label) {
        for (WebElement box : browser.find(group).findElements(By.cssSelector("vaadin-checkbox"))) {
            if (box.getText().trim().equals(label)) {
                box.click();
                return;
            }
        }
        throw new AssertionError("no checkbox " + label + " in " + group);
    }

    @SuppressWarnings("unchecked")
    private static List<String> regionCells(Browser browser) {
        return (List<String>) browser.script("return Array.from(document.querySelectorAll("
                + "'#region-grid vaadin-grid-cell-content')).map(c => c.textContent.trim()).filter(t => t)");
    }
}
