package com.consumer360.basket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.consumer360.Consumer360Application;
import com.consumer360.database.EmbeddedDatabase;
import com.consumer360.refresh.RefreshService;
import com.consumer360.security.AppUser;
import com.consumer360.security.Roles;
import com.consumer360.support.PortalIntegration;
import com.consumer360.support.TestDatabase;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * Groceries (test resources groceries/README.md) through the warehouse path, not the batch run: its 9,835
 * transactions loaded as invoices (items = products) into a fresh database, the portal's refresh run with support
 * 0.001 and confidence 0.5, and the rules read back through {@link BasketService}: arules' 5,668 rules and its top
 * rule by lift. The database is a second one on the test run's embedded server, with a portal context of its own.
 */
class GroceriesThroughTheWarehouseTest {

    private static final String DATABASE = "consumer360_groceries";
    private static final int CUSTOMERS = 700;

    @AfterEach
    void dropDatabase() throws Exception {
        try (Connection admin = TestDatabase.connectAs("postgres"); Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
        }
    }

    @Test
    void theRefreshMinesArulesRulesFromGroceriesInvoices() throws Exception {
        try (Connection admin = TestDatabase.connectAs("postgres"); Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + DATABASE + " OWNER " + "c360_owner");
            statement.execute("GRANT CONNECT, TEMPORARY ON DATABASE " + DATABASE + " TO c360_app");
        }
        String url = EmbeddedDatabase.startOrGet(Path.of(PortalIntegration.DATA_DIR).resolve("postgres")).jdbcUrl()
                .replace("/consumer360", "/" + DATABASE);
        // As ExternalDatabaseTest: a second context installs its own security context-holder strategy.
        SecurityContextHolderStrategy shared = SecurityContextHolder.getContextHolderStrategy();
        try (ConfigurableApplicationContext context = SpringApplication.run(Consumer360Application.class,
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + "c360_app",
                "--spring.datasource.password=unused-with-trust",
                "--spring.flyway.user=" + "c360_owner",
                "--spring.flyway.password=unused-with-trust",
                "--consumer360.demo-data=false",
                "--consumer360.refresh.min-support=0.001",
                "--consumer360.refresh.min-confidence=0.5",
                "--consumer360.refresh.max-length=10",
                "--server.port=0",
                "--spring.quartz.scheduler-name=c360-groceries-test",
                "--vaadin.devmode.devTools.enabled=false")) {
            loadGroceries(url);
            signInAs(new AppUser(1, "groceries", "Groceries admin", "", true, Set.of(Roles.ADMIN), Set.of((short) 1)));
            context.getBean(RefreshService.class).refreshNow();
            Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
            while (current(url) == 0) {
                assertThat(Instant.now()).as("refresh finished in time").isBefore(deadline);
                Thread.sleep(500);
            }

            BasketService basket = context.getBean(BasketService.class);
            assertThat(basket.ruleSets()).extracting(RuleSetOption::regionId).containsExactly((short) 0, (short) 1);
            RuleSetInfo overall = basket.ruleSet((short) 0).orElseThrow();
            assertThat(overall.baskets()).isEqualTo(9_835);
            assertThat(overall.minSupport()).isEqualTo(0.001);
            assertThat(overall.minConfidence()).isEqualTo(0.5);
            assertThat(overall.rules()).isEqualTo(5_668);
            assertThat(basket.count(RuleFilter.all((short) 0))).isEqualTo(5_668);
            assertThat(basket.count(RuleFilter.all((short) 1))).isEqualTo(5_668);

            BasketRule top = basket.rules(RuleFilter.all((short) 0), new RuleOrder(RuleOrder.Column.LIFT, true), 0, 1)
                    .getFirst();
            assertThat(top.antecedentItems()).containsExactly("Instant food products", "soda");
            assertThat(top.consequent()).isEqualTo("hamburger meat");
            assertThat(top.support()).isCloseTo(0.001220, within(0.0000005));
            assertThat(top.confidence()).isCloseTo(0.6316, within(0.00005));
            assertThat(top.lift()).isCloseTo(18.996, within(0.0005));
            assertThat(top.count()).isEqualTo(12);
            assertThat(top.rank()).isEqualTo(1);
            assertThat(basket.points(RuleFilter.all((short) 0))).hasSize(5_668);
            assertThat(basket.products((short) 0, "hamburger", 0, 10)).containsExactly("hamburger meat");
        } finally {
            SecurityContextHolder.clearContext();
            SecurityContextHolder.setContextHolderStrategy(shared);
        }
    }

    private static void signInAs(AppUser user) {
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }

    private static long current(String url) throws Exception {
        try (Connection db = DriverManager.getConnection(url, "postgres", "");
             Statement statement = db.createStatement();
             var result = statement.executeQuery("SELECT count(*) FROM snapshot WHERE is_current")) {
            result.next();
            return result.getLong(1);
        }
    }

    /**
     * One region; one product per Groceries item; transaction i is invoice G{i} of customer 1 + i mod 700 on day
     * i mod 28 of February 2024, one line per item.
     */
    private void loadGroceries(String url) throws Exception {
        Map<String, Integer> products = new LinkedHashMap<>();
        List<Integer> invoices = new ArrayList<>();
        List<Integer> items = new ArrayList<>();
        try (Reader in = new InputStreamReader(Objects.requireNonNull(
                getClass().getResourceAsStream("/groceries/groceries.csv")), StandardCharsets.UTF_8);
             CsvReader<CsvRecord> baskets = CsvReader.builder().allowExtraFields(true).allowMissingFields(true)
                     .ofCsvRecord(in)) {
            int invoice = 0;
            for (CsvRecord basket : baskets) {
                invoice++;
                for (String item : basket.getFields()) {
                    invoices.add(invoice);
                    items.add(products.computeIfAbsent(item, label -> products.size() + 1));
                }
            }
        }
        assertThat(invoices.getLast()).isEqualTo(9_835);
        assertThat(products).hasSize(169);
        try (Connection db = DriverManager.getConnection(url, "postgres", "");
             Statement sql = db.createStatement()) {
            db.setAutoCommit(false);
            // The definer triggers that keep fact_invoice write as the owner, under the policies: bind the scope.
            sql.execute("SELECT set_config('app.region_ids', '1', true)");
            sql.execute("INSERT INTO dim_region VALUES (1, 'GROCERIES', 'Groceries')");
            sql.execute("""
                    INSERT INTO dim_date (date_key, full_date, year, quarter, month, day_of_month, iso_week, day_of_week,
                                          is_weekend)
                    SELECT to_char(d, 'YYYYMMDD')::int, d, extract(year FROM d), extract(quarter FROM d),
                           extract(month FROM d), extract(day FROM d), extract(week FROM d), extract(isodow FROM d),
                           extract(isodow FROM d) >= 6
                    FROM generate_series(DATE '2024-02-01', DATE '2024-02-28', interval '1 day') AS g(d)""");
            sql.execute("INSERT INTO dim_customer (customer_id, customer_code, name, region_id, country) "
                    + "SELECT c, 'C' || c, 'Customer ' || c, 1, 'Germany' FROM generate_series(1, " + CUSTOMERS + ") c");
            try (PreparedStatement insert = db.prepareStatement(
                    "INSERT INTO dim_product (product_id, product_code, description, category) VALUES (?, ?, ?, 'groceries')")) {
                for (Map.Entry<String, Integer> product : products.entrySet()) {
                    insert.setInt(1, product.getValue());
                    insert.setString(2, "G" + product.getValue());
                    insert.setString(3, product.getKey());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            try (PreparedStatement insert = db.prepareStatement("""
                    INSERT INTO fact_sales (sales_line_id, invoice_no, invoice_ts, date_key, customer_id, product_id,
                                            quantity, unit_price, net_amount, is_cancellation, region_id)
                    SELECT n, 'G' || invoice, DATE '2024-02-01' + (invoice % 28) + TIME '10:00',
                           to_char(DATE '2024-02-01' + (invoice % 28), 'YYYYMMDD')::int, 1 + invoice % ?,
                           product, 1, 1.00, 1.00, false, 1
                    FROM unnest(?::int[], ?::int[]) WITH ORDINALITY AS line(invoice, product, n)""")) {
                insert.setInt(1, CUSTOMERS);
                insert.setArray(2, db.createArrayOf("int4", invoices.toArray()));
                insert.setArray(3, db.createArrayOf("int4", items.toArray()));
                insert.execute();
            }
            db.commit();
        }
    }
}
