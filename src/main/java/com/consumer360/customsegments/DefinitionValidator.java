package com.consumer360.customsegments;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks the meaning of a well-formed definition against the author's vocabulary: operators that fit the
 * attribute, values of the attribute's type and range, bounds in order, regions within the author's scope, known
 * countries and products, the look-back window where it belongs. Also checks a draft's name, description and
 * sharing. Every problem names its field; nothing is changed when there is one.
 */
final class DefinitionValidator {

    /** Letters, digits, spaces and everyday punctuation; no quotes but the apostrophe, no ; = < > \ or backtick. */
    static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N} '&()+,./:#%!?_\\-]{1,100}");
    static final Set<String> SHAREABLE = Set.of("REGIONAL_MANAGER", "EXECUTIVE", "CS_OPS");
    private static final BigDecimal LIMIT = new BigDecimal("1000000000000");

    private DefinitionValidator() {
    }

    static List<DefinitionProblem> draft(String name, String description, Set<String> sharedWith) {
        List<DefinitionProblem> problems = new ArrayList<>();
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty()) {
            problems.add(new DefinitionProblem("name", "Give the segment a name."));
        } else if (trimmed.length() > 100) {
            problems.add(new DefinitionProblem("name", "At most 100 characters; this name has " + trimmed.length()
                    + ". Shorten it: nothing is cut."));
        } else if (!NAME.matcher(trimmed).matches()) {
            problems.add(new DefinitionProblem("name", "Use letters, digits, spaces and - _ . , & ( ) ' / + : # % ! ? "
                    + "only (no ; = < > \" \\ or `)."));
        }
        String text = description == null ? "" : description;
        if (text.length() > 1000) {
            problems.add(new DefinitionProblem("description", "At most 1000 characters; this description has "
                    + text.length() + ". Shorten it: nothing is cut."));
        } else if (text.chars().anyMatch(c -> c == '<' || c == '>' || (Character.isISOControl(c) && c != '\n'))) {
            problems.add(new DefinitionProblem("description", "Plain text only: no < >, no control characters."));
        }
        for (String role : sharedWith) {
            if (!SHAREABLE.contains(role)) {
                problems.add(new DefinitionProblem("sharedWith", "Unknown role \"" + shorten(role) + "\"."));
            }
        }
        return problems;
    }

    static List<DefinitionProblem> meaning(SegmentDefinition definition, Vocabulary vocabulary) {
        List<DefinitionProblem> problems = new ArrayList<>();
        check(definition.root(), "", vocabulary, problems);
        return problems;
    }

    private static void check(Rule rule, String path, Vocabulary vocabulary, List<DefinitionProblem> problems) {
        switch (rule) {
            case Rule.Group group -> {
                for (int i = 0; i < group.rules().size(); i++) {
                    check(group.rules().get(i), (path.isEmpty() ? "" : path + ".") + "rules[" + i + "]", vocabulary,
                            problems);
                }
            }
            case Rule.Criterion criterion -> criterion(criterion, path, vocabulary, problems);
        }
    }

    private static void criterion(Rule.Criterion c, String path, Vocabulary vocabulary,
                                  List<DefinitionProblem> problems) {
        Attribute attribute = c.attribute();
        if (!attribute.operators().contains(c.operator())) {
            problems.add(new DefinitionProblem(path + ".operator", "\"" + c.operator().label(attribute) + "\" does not apply to "
                    + attribute.label() + "; use " + attribute.operators().stream().map(o -> o.label(attribute))
                    .collect(Collectors.joining(", ")) + "."));
            return;
        }
        int arity = c.operator().arity();
        if (arity == 1 && c.values().size() != 1) {
            problems.add(new DefinitionProblem(path + ".values", "Give exactly one value."));
            return;
        }
        if (arity == 2 && c.values().size() != 2) {
            problems.add(new DefinitionProblem(path + ".values",
                    "\"" + c.operator().label(attribute) + "\" needs two bounds, from and to."));
            return;
        }
        if (attribute.type() == ValueType.PRODUCTS) {
            if (c.days() == null) {
                problems.add(new DefinitionProblem(path + ".days", "Give the look-back window in days (1 to 3650)."));
            }
        } else if (c.days() != null) {
            problems.add(new DefinitionProblem(path + ".days", "Only \"Bought product\" takes a number of days."));
        }
        int before = problems.size();
        for (int i = 0; i < c.values().size(); i++) {
            String problem = value(attribute, c.values().get(i), vocabulary);
            if (problem != null) {
                problems.add(new DefinitionProblem(path + ".values[" + i + "]", problem));
            }
        }
        if (attribute.type() == ValueType.PRODUCTS && problems.size() == before) {
            Set<String> unknown = vocabulary.unknownProducts().apply(c.values());
            for (int i = 0; i < c.values().size(); i++) {
                if (unknown.contains(c.values().get(i))) {
                    problems.add(new DefinitionProblem(path + ".values[" + i + "]",
                            "Unknown product \"" + shorten(c.values().get(i)) + "\"."));
                }
            }
        }
        if (arity == 2 && problems.size() == before && compare(attribute, c.values().get(0), c.values().get(1)) > 0) {
            problems.add(new DefinitionProblem(path + ".values[1]",
                    "The upper bound is below the lower bound " + c.values().get(0) + "."));
        }
    }

    private static int compare(Attribute attribute, String a, String b) {
        return attribute.type() == ValueType.DATE ? LocalDate.parse(a).compareTo(LocalDate.parse(b))
                : new BigDecimal(a).compareTo(new BigDecimal(b));
    }

    /** Why {@code text} is not a value of the attribute, or null when it is one. */
    static String value(Attribute attribute, String text, Vocabulary vocabulary) {
        return switch (attribute.type()) {
            case INTEGER -> {
                BigDecimal n = number(text);
                if (n == null || n.stripTrailingZeros().scale() > 0) {
                    yield "Not a whole number: \"" + shorten(text) + "\".";
                }
                if (n.signum() < 0) {
                    yield attribute.label() + " cannot be negative.";
                }
                yield n.compareTo(LIMIT) > 0 ? "Too large." : null;
            }
            case DECIMAL -> {
                BigDecimal n = number(text);
                if (n == null) {
                    yield "Not a number: \"" + shorten(text) + "\".";
                }
                if (n.abs().compareTo(LIMIT) > 0) {
                    yield "Too large.";
                }
                if (attribute == Attribute.P_ALIVE && (n.signum() < 0 || n.compareTo(BigDecimal.ONE) > 0)) {
                    yield "P(alive) is a probability between 0 and 1.";
                }
                yield null;
            }
            case SCORE -> {
                BigDecimal n = number(text);
                yield n == null || n.stripTrailingZeros().scale() > 0 || n.intValue() < 1 || n.intValue() > 5
                        ? "Scores are whole numbers 1 to 5, not \"" + shorten(text) + "\"." : null;
            }
            case DATE -> {
                try {
                    LocalDate date = LocalDate.parse(text);
                    yield date.getYear() < 1900 || date.getYear() > 2200 ? "A date between 1900 and 2200." : null;
                } catch (DateTimeParseException e) {
                    yield "Not a date (yyyy-mm-dd): \"" + shorten(text) + "\".";
                }
            }
            case CHOICE -> switch (attribute) {
                case RFM_SEGMENT -> vocabulary.segments().contains(text) ? null
                        : "Unknown RFM segment \"" + shorten(text) + "\".";
                case COUNTRY -> vocabulary.countries().contains(text) ? null
                        : "No customer in your regions has the country \"" + shorten(text) + "\".";
                case REGION -> vocabulary.regions().containsKey(text) ? null
                        : "Region \"" + shorten(text) + "\" is not one of your regions ("
                        + String.join(", ", vocabulary.regions().keySet()) + ").";
                default -> "Unknown value.";
            };
            case PRODUCTS -> text.isBlank() ? "Give a product code." : null;
        };
    }

    private static BigDecimal number(String text) {
        try {
            return text.length() > 40 ? null : new BigDecimal(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String shorten(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
