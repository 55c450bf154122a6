package com.consumer360.browser;

import static com.consumer360.support.TestDatabase.superuserLong;
import static org.assertj.core.api.Assertions.assertThat;

import com.consumer360.support.PortalIntegration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

/** North finds its customers from the Customers page as it types, and never one of another region. */
@PortalIntegration
class CustomerSearchBrowserTest {

    @LocalServerPort
    int port;

    @Test
    void northSearchesAndTheListShowsOnlyNorthsCustomers() throws Exception {
        long south = superuserLong("SELECT min(customer_id) FROM dim_customer WHERE region_id = 2");
        long mine = superuserLong("SELECT min(customer_id) FROM dim_customer WHERE region_id = 1");
        try (Browser browser = new Browser(port)) {
            browser.signIn("north", "demo");
            browser.waitFor("vaadin-side-nav-item");
            assertThat(browser.navLabels()).contains("Customers");
            browser.open("customers");
            WebElement field = browser.waitFor("#customer-search input");
            field.sendKeys(String.valueOf(south));
            browser.waitForText("#customer-search-summary", "No customer in your regions matches");
            assertThat(browser.linkedCustomerIds("#customer-search-results")).isEmpty();

            browser.open("customers?q=an");
            browser.waitForText("#customer-search-summary", "match");
            browser.settle();
            List<Long> listed = browser.linkedCustomerIds("#customer-search-results");
            assertThat(listed).isNotEmpty();
            for (long id : listed) {
                assertThat(superuserLong("SELECT region_id FROM dim_customer WHERE customer_id = ?", id)).isEqualTo(1);
            }
            assertThat(browser.pageText()).doesNotContain("South", "East", "West", "Central");
            browser.screenshot("customer-search-north");

            browser.open("customers?q=" + mine);
            browser.waitForText("#customer-search-summary", "1 match");
            browser.settle();
            browser.find("#customer-search-results a").click();
            browser.waitForText("#customer-name", "");
            assertThat(browser.currentUrl()).endsWith("customers/" + mine);
            assertThat(browser.find("#back-link").getText()).as("back to where the customer was found")
                    .isEqualTo("← Customers");
            browser.find("#back-link").click();
            browser.waitForText("#customer-search-summary", "1 match");
            assertThat(browser.currentUrl()).endsWith("customers?q=" + mine);

            browser.open("customers?q=a");
            browser.waitForText("#customer-search-summary", "Type at least two characters");
        }
    }
}
