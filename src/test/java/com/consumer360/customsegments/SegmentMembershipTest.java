package com.consumer360.customsegments;

import static org.assertj.core.api.Assertions.assertThat;

import com.consumer360.support.PortalIntegration;
import com.consumer360.support.SignedIn;
import com.consumer360.warehouse.CellCustomer;
import com.consumer360.warehouse.CustomerOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Every attribute and operator: the members of a definition, as the preview counts them (customers, revenue, base)
 * and as its first rows list them, equal a hand-written SQL evaluation of the same definition over the current snapshot, as csops (all
 * regions) and as north (North only).
 */
@PortalIntegration
class SegmentMembershipTest {

    static final Short[] ALL = {1, 2, 3, 4, 5};
    static final Short[] NORTH = {1};

    @Autowired
    CustomSegmentService segments;
    @Autowired
    UserDetailsService users;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    static String criterion(String attribute, String operator, String... values) {
        return "{\"attribute\":\"" + attribute + "\",\"operator\":\"" + operator + "\",\"values\":["
                + String.join(",", Stream.of(values).map(v -> "\"" + v + "\"").toList()) + "]}";
    }

    static String all(String... rules) {
        return "{\"match\":\"ALL\",\"rules\":[" + String.join(",", rules) + "]}";
    }

    static String any(String... rules) {
        return "{\"match\":\"ANY\",\"rules\":[" + String.join(",", rules) + "]}";
    }

    static final String TENURE = "((extract(year FROM s.as_of_date) - extract(year FROM dc.first_purchase_date)) * 12 "
            + "+ extract(month FROM s.as_of_date) - extract(month FROM dc.first_purchase_date) "
            + "- CASE WHEN extract(day FROM s.as_of_date) < extract(day FROM dc.first_purchase_date) THEN 1 ELSE 0 END)";

    /** Placeholders for the two most sold products, resolved in the test (the database is not up yet here). */
    static final String P1 = "{P1}";
    static final String P2 = "{P2}";
    /** Placeholders for the 30th and 60th percentile of the customers' first purchase dates. */
    static final String D1 = "{D1}";
    static final String D2 = "{D2}";

    static Stream<Arguments> definitions() {
        String p1 = P1;
        String p2 = P2;
        String bought = "sc.customer_id IN (SELECT f.customer_id FROM fact_sales f JOIN dim_product p USING (product_id) "
                + "WHERE p.product_code IN (%s) AND f.customer_id IS NOT NULL AND NOT f.is_cancellation AND f.quantity > 0 "
                + "AND to_date(f.date_key::text, 'YYYYMMDD') >= s.as_of_date - %d AND to_date(f.date_key::text, 'YYYYMMDD') < s.as_of_date)";
        List<Arguments> cases = new ArrayList<>(List.of(
                Arguments.of(all(criterion("RECENCY_DAYS", "GREATER", "60")), "sc.recency_days > 60"),
                Arguments.of(all(criterion("RECENCY_DAYS", "LESS", "30")), "sc.recency_days < 30"),
                Arguments.of(all(criterion("FREQUENCY", "EQUALS", "1")), "sc.frequency = 1"),
                Arguments.of(all(criterion("FREQUENCY", "NOT_EQUALS", "1")), "sc.frequency <> 1"),
                Arguments.of(all(criterion("MONETARY", "BETWEEN", "100", "500.50")), "sc.monetary BETWEEN 100 AND 500.50"),
                Arguments.of(all(criterion("MONETARY", "NOT_BETWEEN", "100", "500.50")), "sc.monetary NOT BETWEEN 100 AND 500.50"),
                Arguments.of(all(criterion("R_SCORE", "IN", "4", "5")), "sc.r_score IN (4, 5)"),
                Arguments.of(all(criterion("F_SCORE", "NOT_IN", "1", "2")), "sc.f_score NOT IN (1, 2)"),
                Arguments.of(all(criterion("M_SCORE", "GREATER", "3")), "sc.m_score > 3"),
                Arguments.of(all(criterion("RFM_SEGMENT", "EQUALS", "Champions")), "sc.segment = 'Champions'"),
                Arguments.of(all(criterion("RFM_SEGMENT", "NOT_IN", "Lost", "Hibernating")),
                        "sc.segment NOT IN ('Lost', 'Hibernating')"),
                Arguments.of(all(criterion("EXPECTED_CLV", "GREATER", "200")), "sc.clv > 200"),
                Arguments.of(all(criterion("P_ALIVE", "LESS", "0.5")), "sc.p_alive < 0.5"),
                Arguments.of(all(criterion("EXPECTED_PURCHASES", "BETWEEN", "0.5", "3")),
                        "sc.expected_purchases >= 0.5 AND sc.expected_purchases <= 3"),
                Arguments.of(all(criterion("AVERAGE_ORDER_VALUE", "GREATER", "40")),
                        "sc.frequency > 0 AND sc.monetary > 40 * sc.frequency"),
                Arguments.of(all(criterion("FIRST_PURCHASE", "LESS", D1)), "dc.first_purchase_date < DATE '" + D1 + "'"),
                Arguments.of(all(criterion("FIRST_PURCHASE", "BETWEEN", D1, D2)),
                        "dc.first_purchase_date BETWEEN DATE '" + D1 + "' AND DATE '" + D2 + "'"),
                Arguments.of(all(criterion("TENURE_MONTHS", "GREATER", "12")), TENURE + " > 12"),
                Arguments.of(all(criterion("COUNTRY", "IN", "Norway", "Germany", "France")),
                        "dc.country IN ('Norway', 'Germany', 'France')"),
                Arguments.of(all(criterion("COUNTRY", "NOT_EQUALS", "Sweden")), "dc.country <> 'Sweden'"),
                Arguments.of(all(criterion("REGION", "IN", "NORTH", "CENTRAL")), "sc.region_id IN (1, 5)"),
                Arguments.of(all(criterion("REGION", "NOT_EQUALS", "NORTH")), "sc.region_id <> 1"),
                Arguments.of(all("{\"attribute\":\"BOUGHT_PRODUCT\",\"operator\":\"IN\",\"values\":[\"" + p1 + "\",\""
                        + p2 + "\"],\"days\":90}"), bought.formatted("'" + p1 + "','" + p2 + "'", 90)),
                Arguments.of(all("{\"attribute\":\"BOUGHT_PRODUCT\",\"operator\":\"NOT_IN\",\"values\":[\"" + p1
                        + "\"],\"days\":365}"), "NOT " + bought.formatted("'" + p1 + "'", 365)),
                Arguments.of(all(criterion("MONETARY", "GREATER", "300"), criterion("RECENCY_DAYS", "GREATER", "60"),
                                any(criterion("COUNTRY", "EQUALS", "Germany"), criterion("COUNTRY", "EQUALS", "France"))),
                        "sc.monetary > 300 AND sc.recency_days > 60 AND dc.country IN ('Germany', 'France')"),
                Arguments.of(any(criterion("R_SCORE", "EQUALS", "5"), all(criterion("F_SCORE", "EQUALS", "5"),
                                any(criterion("M_SCORE", "EQUALS", "5"), criterion("EXPECTED_CLV", "GREATER", "500")))),
                        "sc.r_score = 5 OR (sc.f_score = 5 AND (sc.m_score = 5 OR sc.clv > 500))")));
        return cases.stream();
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("definitions")
    void previewAndMembersEqualAnIndependentSqlEvaluation(String template, String sqlTemplate) throws Exception {
        List<String> products = SegmentSql.strings("SELECT p.product_code FROM fact_sales f JOIN dim_product p "
                + "USING (product_id) GROUP BY p.product_code ORDER BY count(*) DESC, p.product_code LIMIT 2");
        List<String> dates = SegmentSql.strings("SELECT percentile_disc(p) WITHIN GROUP (ORDER BY first_purchase_date)"
                + "::text FROM dim_customer, unnest(ARRAY[0.3, 0.6]) p GROUP BY p ORDER BY p");
        String json = template.replace(P1, products.get(0)).replace(P2, products.get(1))
                .replace(D1, dates.get(0)).replace(D2, dates.get(1));
        String where = sqlTemplate.replace(P1, products.get(0)).replace(P2, products.get(1))
                .replace(D1, dates.get(0)).replace(D2, dates.get(1));
        for (String user : List.of("csops", "north")) {
            Short[] regions = "north".equals(user) ? NORTH : ALL;
            SignedIn.as(users, user);
            SegmentDefinition definition;
            try {
                definition = segments.parse(json.replace("\"NORTH\",\"CENTRAL\"", "north".equals(user)
                        ? "\"NORTH\"" : "\"NORTH\",\"CENTRAL\""));
            } catch (InvalidSegmentException e) {
                // north's scope has no Germany, France or other regions: the definition is refused for north
                assertThat(user).isEqualTo("north");
                assertThat(e.problems()).isNotEmpty();
                continue;
            }
            Preview preview = segments.preview(definition);
            String regionWhere = where.replace("sc.region_id IN (1, 5)", "north".equals(user)
                    ? "sc.region_id IN (1)" : "sc.region_id IN (1, 5)");
            var inScope = SegmentSql.ids(regionWhere, regions);
            assertThat(preview.customers()).as(user + ": " + where).isEqualTo(inScope.size());
            assertThat(preview.revenue()).as(user + " revenue").isEqualByComparingTo(SegmentSql.revenue(regionWhere, regions));
            assertThat(preview.baseCustomers()).isEqualTo(SegmentSql.ids("true", regions).size());
            assertThat(preview.first()).allSatisfy(c -> assertThat(inScope).contains(c.customerId()));
            if ("csops".equals(user)) {
                assertThat(inScope).as("a discriminating definition: " + where).isNotEmpty()
                        .hasSizeLessThan(SegmentSql.ids("true", regions).size());
            }
        }
    }
}
