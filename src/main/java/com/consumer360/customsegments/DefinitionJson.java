package com.consumer360.customsegments;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads and writes definitions as JSON. Reading validates every node against the JSON schema
 * (classpath customsegments/definition.schema.json, draft 2020-12, networknt json-schema-validator) and checks
 * the nesting depth, so what reaches the validator of meanings is well-formed; each problem names its path.
 */
public final class DefinitionJson {

    /** Longest definition text accepted: far above any real one, small enough to refuse junk at once. */
    public static final int MAX_LENGTH = 64_000;
    private static final String SCHEMA = "classpath:customsegments/definition.schema.json";
    private static final JsonMapper JSON = JsonMapper.builder(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32).build()).build()).build();
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final Schema GROUP = REGISTRY.getSchema(SchemaLocation.of(SCHEMA + "#/$defs/group"));
    private static final Schema CRITERION = REGISTRY.getSchema(SchemaLocation.of(SCHEMA + "#/$defs/criterion"));

    private DefinitionJson() {
    }

    /** The definition in {@code text}, or an {@link InvalidSegmentException} listing every structural problem. */
    public static SegmentDefinition read(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidSegmentException("definition", "The definition is empty.");
        }
        if (text.length() > MAX_LENGTH) {
            throw new InvalidSegmentException("definition", "The definition is longer than " + MAX_LENGTH
                    + " characters.");
        }
        JsonNode tree;
        try {
            tree = JSON.readTree(text);
        } catch (JacksonException e) {
            throw new InvalidSegmentException("definition", "Not valid JSON: " + e.getOriginalMessage());
        }
        if (tree == null || !tree.isObject()) {
            throw new InvalidSegmentException("definition",
                    "Not a segment definition: expected a JSON object with \"match\" and \"rules\".");
        }
        if (!tree.has("match") && !tree.has("rules") && !tree.has("attribute")) {
            throw new InvalidSegmentException("definition",
                    "Not a segment definition: expected a JSON object with \"match\" and \"rules\".");
        }
        List<DefinitionProblem> problems = new ArrayList<>();
        Rule rule = node(tree, "", 1, problems);
        if (!problems.isEmpty()) {
            throw new InvalidSegmentException(problems);
        }
        if (!(rule instanceof Rule.Group root)) {
            throw new InvalidSegmentException("definition",
                    "The definition must be a group (\"match\" and \"rules\"), not a single criterion.");
        }
        SegmentDefinition definition = new SegmentDefinition(root);
        if (definition.criteria().size() > SegmentDefinition.MAX_CRITERIA) {
            throw new InvalidSegmentException("definition", "At most " + SegmentDefinition.MAX_CRITERIA
                    + " criteria in one segment.");
        }
        return definition;
    }

    private static Rule node(JsonNode node, String path, int depth, List<DefinitionProblem> problems) {
        boolean criterion = node.isObject() && node.has("attribute");
        List<Error> errors = (criterion ? CRITERION : GROUP).validate(node);
        for (Error error : errors) {
            problems.add(new DefinitionProblem(field(path, error), message(error)));
        }
        if (!errors.isEmpty()) {
            return null;
        }
        if (criterion) {
            List<String> values = new ArrayList<>();
            node.get("values").forEach(v -> values.add(v.isString() ? v.stringValue().strip() : v.asString()));
            JsonNode days = node.get("days");
            return new Rule.Criterion(Attribute.valueOf(node.get("attribute").stringValue()),
                    Operator.valueOf(node.get("operator").stringValue()), values,
                    days == null ? null : days.intValue());
        }
        if (depth > SegmentDefinition.MAX_DEPTH) {
            problems.add(new DefinitionProblem(path.isEmpty() ? "definition" : path,
                    "Groups nest at most " + SegmentDefinition.MAX_DEPTH + " levels deep."));
            return null;
        }
        List<Rule> rules = new ArrayList<>();
        JsonNode items = node.get("rules");
        for (int i = 0; i < items.size(); i++) {
            Rule rule = node(items.get(i), prefix(path) + "rules[" + i + "]", depth + 1, problems);
            if (rule != null) {
                rules.add(rule);
            }
        }
        return rules.size() < items.size() ? null : new Rule.Group(Match.valueOf(node.get("match").stringValue()), rules);
    }

    private static String prefix(String path) {
        return path.isEmpty() ? "" : path + ".";
    }

    /**
     * The instance path of a schema error, in the definition's dotted form (rules[0].values[1]), whether the library
     * reports it as a JSON path ($.values[1]) or a JSON pointer (/values/1).
     */
    private static String field(String path, Error error) {
        String at = error.getInstanceLocation().toString();
        if (at.startsWith("/") || at.isEmpty()) {
            at = at.replaceAll("/([0-9]+)(?=/|$)", "[$1]").replace('/', '.');
        } else {
            at = at.replaceFirst("^\\$", "");
        }
        if (error.getProperty() != null && "required".equals(error.getKeyword())) {
            at = at + "." + error.getProperty();
        }
        if (error.getProperty() != null && "additionalProperties".equals(error.getKeyword())) {
            at = at + "." + error.getProperty();
        }
        at = at.startsWith(".") ? at.substring(1) : at;
        String full = prefix(path) + at;
        full = full.endsWith(".") ? full.substring(0, full.length() - 1) : full;
        return full.isEmpty() ? "definition" : full;
    }

    private static String message(Error error) {
        String keyword = error.getKeyword() == null ? "" : error.getKeyword();
        return switch (keyword) {
            case "required" -> "\"" + error.getProperty() + "\" is missing.";
            case "additionalProperties" -> "Unknown field \"" + error.getProperty() + "\".";
            case "enum" -> "Unknown value " + shorten(String.valueOf(error.getInstanceNode())) + ".";
            case "maxLength" -> "A value is longer than 100 characters.";
            case "minLength" -> "This value is empty: fill it in.";
            case "minItems" -> "The list is empty: give at least one.";
            case "maxItems" -> "Too many entries: at most 30 rules in a group and 200 values in a list.";
            case "type" -> "Wrong type: " + shorten(String.valueOf(error.getInstanceNode())) + " ("
                    + error.getMessage().replaceFirst("^\\S*:\\s*", "") + ").";
            case "minimum", "maximum" -> "The look-back window is 1 to 3650 days.";
            default -> error.getMessage().replaceFirst("^\\S*:\\s*", "");
        };
    }

    private static String shorten(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    /** The definition as JSON, in the schema's form. */
    public static String write(SegmentDefinition definition) {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tree(definition.root()));
    }

    private static ObjectNode tree(Rule rule) {
        ObjectNode node = JSON.createObjectNode();
        switch (rule) {
            case Rule.Group group -> {
                node.put("match", group.match().name());
                ArrayNode rules = node.putArray("rules");
                group.rules().forEach(r -> rules.add(tree(r)));
            }
            case Rule.Criterion criterion -> {
                node.put("attribute", criterion.attribute().name());
                node.put("operator", criterion.operator().name());
                ArrayNode values = node.putArray("values");
                criterion.values().forEach(values::add);
                if (criterion.days() != null) {
                    node.put("days", criterion.days());
                }
            }
        }
        return node;
    }
}
