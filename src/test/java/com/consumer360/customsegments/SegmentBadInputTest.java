package com.consumer360.customsegments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.consumer360.support.PortalIntegration;
import com.consumer360.support.SignedIn;
import com.consumer360.support.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Malformed and hostile definitions and drafts: each is refused with a clear message at the field concerned (the
 * path the builder marks), and nothing changes: the custom segment tables keep their row counts and the existing
 * segment its version.
 */
@PortalIntegration
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SegmentBadInputTest {

    private static final String[] TABLES = {"custom_segment", "custom_segment_version", "custom_segment_member",
        "custom_segment_run"};
    private static final String LONG = "x".repeat(10_000);

    @Autowired
    CustomSegmentService segments;
    @Autowired
    UserDetailsService users;
    long existing;
    long[] counts;

    @BeforeAll
    void createOne() throws Exception {
        existing = SignedIn.call(users, "csops", () -> segments.create(new SegmentDraft("Bad input reference",
                "", Set.of(), definition("RECENCY_DAYS", "GREATER", "60"))));
        counts = counts();
    }

    @AfterAll
    void deleteIt() throws Exception {
        SignedIn.call(users, "csops", () -> {
            segments.delete(existing);
            return null;
        });
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private static SegmentDefinition definition(String attribute, String operator, String... values) {
        return new SegmentDefinition(new Rule.Group(Match.ALL, List.of(new Rule.Criterion(Attribute.valueOf(attribute),
                Operator.valueOf(operator), List.of(values), null))));
    }

    private static long[] counts() throws Exception {
        long[] counts = new long[TABLES.length];
        for (int i = 0; i < TABLES.length; i++) {
            counts[i] = TestDatabase.superuserLong("SELECT count(*) FROM " + TABLES[i]);
        }
        return counts;
    }

    static String c(String attribute, String operator, String values) {
        return "{\"attribute\":\"" + attribute + "\",\"operator\":\"" + operator + "\",\"values\":" + values + "}";
    }

    static String all(String... rules) {
        return "{\"match\":\"ALL\",\"rules\":[" + String.join(",", rules) + "]}";
    }

    static Arguments json(String label, String json, String field) {
        return Arguments.of(label, "csops", json, null, field);
    }

    static Arguments jsonAs(String user, String label, String json, String field) {
        return Arguments.of(label, user, json, null, field);
    }

    static Arguments draft(String label, SegmentDraft draft, String field) {
        return Arguments.of(label, "csops", null, draft, field);
    }

    static Stream<Arguments> cases() {
        String deep = all(all(all(all(c("FREQUENCY", "GREATER", "[\"1\"]")))));
        String tooMany = all(String.join(",", java.util.Collections.nCopies(31, c("FREQUENCY", "GREATER", "[\"1\"]"))));
        String huge = all(c("COUNTRY", "IN", "[" + String.join(",", java.util.Collections.nCopies(200,
                "\"" + "y".repeat(100) + "\"")) + "]"));
        SegmentDefinition ok = definition("FREQUENCY", "GREATER", "1");
        List<Arguments> cases = new ArrayList<>(List.of(
                json("unknown attribute", all(c("SALARY", "GREATER", "[\"1\"]")), "rules[0].attribute"),
                json("unknown operator", all(c("MONETARY", "LIKE", "[\"1\"]")), "rules[0].operator"),
                json("text for a number", all(c("MONETARY", "GREATER", "[\"abc\"]")), "rules[0].values[0]"),
                json("values not a list", all(c("MONETARY", "GREATER", "\"60\"")), "rules[0].values"),
                json("boolean value", all(c("MONETARY", "GREATER", "[true]")), "rules[0].values[0]"),
                json("object value", all(c("MONETARY", "GREATER", "[{\"a\":1}]")), "rules[0].values[0]"),
                json("fraction of days", all(c("RECENCY_DAYS", "LESS", "[\"1.5\"]")), "rules[0].values[0]"),
                json("negative frequency", all(c("FREQUENCY", "GREATER", "[\"-3\"]")), "rules[0].values[0]"),
                json("score 6", all(c("R_SCORE", "EQUALS", "[\"6\"]")), "rules[0].values[0]"),
                json("score 0 in a list", all(c("F_SCORE", "IN", "[\"5\",\"0\"]")), "rules[0].values[1]"),
                json("probability above 1", all(c("P_ALIVE", "GREATER", "[\"1.5\"]")), "rules[0].values[0]"),
                json("month 13", all(c("FIRST_PURCHASE", "LESS", "[\"2024-13-01\"]")), "rules[0].values[0]"),
                json("date in words", all(c("FIRST_PURCHASE", "GREATER", "[\"yesterday\"]")), "rules[0].values[0]"),
                json("between with one bound", all(c("MONETARY", "BETWEEN", "[\"100\"]")), "rules[0].values"),
                json("between reversed", all(c("MONETARY", "BETWEEN", "[\"500\",\"100\"]")), "rules[0].values[1]"),
                json("date between reversed", all(c("FIRST_PURCHASE", "BETWEEN", "[\"2011-06-01\",\"2010-01-01\"]")),
                        "rules[0].values[1]"),
                json("empty in", all(c("COUNTRY", "IN", "[]")), "rules[0].values"),
                json("two values for equals", all(c("FREQUENCY", "EQUALS", "[\"1\",\"2\"]")), "rules[0].values"),
                json("greater on a country", all(c("COUNTRY", "GREATER", "[\"France\"]")), "rules[0].operator"),
                json("any of on a date", all(c("FIRST_PURCHASE", "IN", "[\"2010-01-01\"]")), "rules[0].operator"),
                json("nesting too deep", deep, "rules[0].rules[0].rules[0]"),
                json("no rules", "{\"match\":\"ALL\",\"rules\":[]}", "rules"),
                json("no match", "{\"rules\":[" + c("FREQUENCY", "GREATER", "[\"1\"]") + "]}", "match"),
                json("match XOR", "{\"match\":\"XOR\",\"rules\":[" + c("FREQUENCY", "GREATER", "[\"1\"]") + "]}",
                        "match"),
                json("SQL in an extra field", all("{\"attribute\":\"FREQUENCY\",\"operator\":\"GREATER\",\"values\":"
                        + "[\"1\"],\"sql\":\"1=1; DROP TABLE custom_segment\"}"), "rules[0].sql"),
                json("SQL as a number", all(c("MONETARY", "GREATER", "[\"0 OR 1=1\"]")), "rules[0].values[0]"),
                json("SQL as a country", all(c("COUNTRY", "EQUALS", "[\"x' OR '1'='1\"]")), "rules[0].values[0]"),
                json("10,000-character value", all(c("COUNTRY", "EQUALS", "[\"" + LONG + "\"]")), "rules[0].values[0]"),
                json("10,000-character number", all(c("MONETARY", "GREATER", "[\"" + "9".repeat(10_000) + "\"]")),
                        "rules[0].values[0]"),
                json("unknown country", all(c("COUNTRY", "EQUALS", "[\"Atlantis\"]")), "rules[0].values[0]"),
                json("unknown RFM segment", all(c("RFM_SEGMENT", "EQUALS", "[\"Whales\"]")), "rules[0].values[0]"),
                jsonAs("north", "region outside the author's scope", all(c("REGION", "IN", "[\"SOUTH\"]")),
                        "rules[0].values[0]"),
                json("unknown region", all(c("REGION", "EQUALS", "[\"MOON\"]")), "rules[0].values[0]"),
                json("unknown product", all("{\"attribute\":\"BOUGHT_PRODUCT\",\"operator\":\"IN\",\"values\":"
                        + "[\"NOPE-000\"],\"days\":30}"), "rules[0].values[0]"),
                json("product without days", all(c("BOUGHT_PRODUCT", "IN", "[\"85123A\"]")), "rules[0].days"),
                json("days on recency", all("{\"attribute\":\"RECENCY_DAYS\",\"operator\":\"LESS\",\"values\":[\"5\"],"
                        + "\"days\":30}"), "rules[0].days"),
                json("zero days", all("{\"attribute\":\"BOUGHT_PRODUCT\",\"operator\":\"IN\",\"values\":[\"85123A\"],"
                        + "\"days\":0}"), "rules[0].days"),
                json("days as text", all("{\"attribute\":\"BOUGHT_PRODUCT\",\"operator\":\"IN\",\"values\":[\"85123A\"],"
                        + "\"days\":\"30; DROP\"}"), "rules[0].days"),
                json("huge number", all(c("MONETARY", "GREATER", "[\"1e30\"]")), "rules[0].values[0]"),
                json("31 criteria", tooMany, "rules"),
                json("a JSON array", "[1, 2, 3]", "definition"),
                json("JSON null", "null", "definition"),
                json("a JSON string", "\"segment\"", "definition"),
                json("broken JSON", "{\"match\":\"ALL\",\"rules\":[", "definition"),
                json("empty text", "", "definition"),
                json("a criterion, not a group", c("FREQUENCY", "GREATER", "[\"1\"]"), "definition"),
                json("some other JSON object", "{\"name\":\"Champions\",\"limit\":10}", "definition"),
                json("arrays nested 100 deep", "[".repeat(100) + "]".repeat(100), "definition"),
                json("longer than the limit", huge + " ".repeat(DefinitionJson.MAX_LENGTH), "definition"),
                draft("empty name", new SegmentDraft("  ", "", Set.of(), ok), "name"),
                draft("10,000-character name", new SegmentDraft(LONG, "", Set.of(), ok), "name"),
                draft("SQL in the name", new SegmentDraft("x'; DROP TABLE custom_segment; --", "", Set.of(), ok), "name"),
                draft("HTML in the name", new SegmentDraft("<b>bold</b>", "", Set.of(), ok), "name"),
                draft("script in the name", new SegmentDraft("<script>alert(1)</script>", "", Set.of(), ok), "name"),
                draft("script in the description", new SegmentDraft("Fine name", "<img src=x onerror=alert(1)>",
                        Set.of(), ok), "description"),
                draft("10,000-character description", new SegmentDraft("Fine name", LONG, Set.of(), ok), "description"),
                draft("unknown role to share with", new SegmentDraft("Fine name", "", Set.of("ROOT"), ok), "sharedWith"),
                draft("no definition", new SegmentDraft("Fine name", "", Set.of(), null), "definition"),
                draft("a name already taken", new SegmentDraft("bad INPUT reference", "", Set.of(), ok), "name"),
                draft("an empty value from the builder", new SegmentDraft("Fine name", "", Set.of(),
                        definition("MONETARY", "GREATER", "")), "rules[0].values[0]")));
        return cases.stream();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("cases")
    void refusedAtTheFieldAndNothingChanges(String label, String user, String json, SegmentDraft draft, String field)
            throws Exception {
        SignedIn.as(users, user);
        List<InvalidSegmentException> refusals = new ArrayList<>();
        if (json != null) {
            assertThatThrownBy(() -> segments.parse(json)).isInstanceOfSatisfying(InvalidSegmentException.class,
                    refusals::add);
        } else {
            assertThatThrownBy(() -> segments.create(draft)).isInstanceOfSatisfying(InvalidSegmentException.class,
                    refusals::add);
            if (!label.equals("a name already taken")) {
                assertThatThrownBy(() -> segments.update(existing, draft))
                        .isInstanceOfSatisfying(InvalidSegmentException.class, refusals::add);
            }
            if (field.startsWith("rules")) {
                assertThatThrownBy(() -> segments.preview(draft.definition()))
                        .isInstanceOfSatisfying(InvalidSegmentException.class, refusals::add);
            }
        }
        for (InvalidSegmentException refusal : refusals) {
            assertThat(refusal.problems()).as(label).isNotEmpty()
                    .anySatisfy(p -> assertThat(p.field()).as(label + ": " + refusal.problems()).isEqualTo(field))
                    .allSatisfy(p -> assertThat(p.message()).as(label).isNotBlank().hasSizeLessThan(300)
                            .doesNotContain("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"));
        }
        assertThat(counts()).as(label + ": row counts of " + String.join(", ", TABLES)).containsExactly(counts);
        assertThat(SignedIn.call(users, "csops", () -> segments.segment(existing).orElseThrow().currentVersion()))
                .isEqualTo(1);
    }
}
