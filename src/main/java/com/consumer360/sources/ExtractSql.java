package com.consumer360.sources;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The extract query of sql/source-extract-sales.sql with a source's table and column names put in. Every name is
 * checked again here against the identifier pattern, so no configured text reaches the SQL unless it is a plain
 * (optionally schema-qualified) identifier; an unknown placeholder is an error.
 */
final class ExtractSql {

    static final String RESOURCE = "/sql/source-extract-sales.sql";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");
    private static final String TEMPLATE = load();

    private ExtractSql() {
    }

    static String template() {
        return TEMPLATE;
    }

    static String of(SourceDefinition source) {
        Map<String, String> names = source.names();
        Matcher matcher = PLACEHOLDER.matcher(TEMPLATE);
        StringBuilder sql = new StringBuilder();
        while (matcher.find()) {
            String placeholder = matcher.group(1);
            String value = names.get(placeholder);
            if (value == null) {
                throw new IllegalStateException("unknown placeholder {" + placeholder + "} in " + RESOURCE);
            }
            String problem = placeholder.endsWith("_table") ? SourceDefinition.tableProblem(value)
                    : SourceDefinition.identifierProblem(value);
            if (problem != null) {
                throw new IllegalArgumentException(placeholder + ": " + problem);
            }
            matcher.appendReplacement(sql, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(sql);
        return sql.toString();
    }

    private static String load() {
        try (InputStream in = ExtractSql.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            StringBuilder sql = new StringBuilder();
            for (String line : text.split("\n")) {
                if (!line.strip().startsWith("--")) {
                    sql.append(line).append('\n');
                }
            }
            return sql.toString().strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
