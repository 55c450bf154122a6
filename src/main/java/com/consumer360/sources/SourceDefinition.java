package com.consumer360.sources;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.quartz.CronExpression;

/**
 * A SQL Server (JDBC) source as configured by an admin: where it is, who reads it, which tables and columns hold the
 * sales lines and the customers' countries, the high-water-mark column, the country to region mapping and the
 * schedule. It never holds the password (see {@link SourceService#save}); {@code passwordSet} only says whether one
 * is stored. {@code id} is 0 for a new source.
 */
public record SourceDefinition(int id, String name, String jdbcUrl, String username, boolean passwordSet,
                               String factTable, String invoiceColumn, String invoiceTsColumn, String productColumn,
                               String descriptionColumn, String quantityColumn, String unitPriceColumn,
                               String customerColumn, String customerTable, String customerKeyColumn,
                               String countryColumn, String hwmColumn, HwmKind hwmKind, String mappingName,
                               String defaultRegion, String cron, boolean enabled) {

    /** A plain identifier: letters, digits and underscores, not starting with a digit; nothing to quote or inject. */
    static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");
    /** Connection properties that make a driver load a class or write a file, refused in a source URL. */
    static final String[] REFUSED_URL_PROPERTIES = {"socketfactory", "sslfactory", "sslhostnameverifier",
        "sslpasswordcallback", "authenticationpluginclassname", "loggerfile", "loggerlevel", "trustmanagerclass",
        "socketfactoryclass", "accesstokencallbackclass", "password"};

    /** A new source with the column names of the documented example (docs/operations.md). */
    public static SourceDefinition example() {
        return new SourceDefinition(0, "", "jdbc:sqlserver://host:1433;databaseName=Sales;encrypt=true;"
                + "trustServerCertificate=false", "consumer360_reader", false, "dbo.SalesLine", "InvoiceNo",
                "InvoiceDate", "StockCode", "Description", "Quantity", "UnitPrice", "CustomerID", "dbo.Customer",
                "CustomerID", "Country", "SalesLineID", HwmKind.LINE_ID, null, null, "0 0 2 * * ?", false);
    }

    /** The configured names by placeholder of the extract SQL. */
    Map<String, String> names() {
        Map<String, String> names = new LinkedHashMap<>();
        names.put("fact_table", factTable);
        names.put("invoice_column", invoiceColumn);
        names.put("invoice_ts_column", invoiceTsColumn);
        names.put("product_column", productColumn);
        names.put("description_column", descriptionColumn);
        names.put("quantity_column", quantityColumn);
        names.put("unit_price_column", unitPriceColumn);
        names.put("customer_column", customerColumn);
        names.put("customer_table", customerTable);
        names.put("customer_key_column", customerKeyColumn);
        names.put("country_column", countryColumn);
        names.put("hwm_column", hwmColumn);
        return names;
    }

    /** Every problem by field (the keys of {@link #names()}, and name, jdbcUrl, username, cron, hwmKind); empty when valid. */
    public Map<String, String> problems() {
        Map<String, String> problems = new LinkedHashMap<>();
        if (name == null || name.isBlank()) {
            problems.put("name", "a name is required");
        } else if (!name.strip().matches("[A-Za-z0-9 _.-]{1,48}")) {
            problems.put("name", "1 to 48 letters, digits, spaces, '.', '_' or '-'");
        }
        String url = jdbcUrl == null ? "" : jdbcUrl.strip();
        if (!url.startsWith("jdbc:sqlserver://") && !url.startsWith("jdbc:postgresql://")) {
            problems.put("jdbcUrl", "a SQL Server URL: jdbc:sqlserver://host:1433;databaseName=...;encrypt=true");
        } else if (url.length() > 500) {
            problems.put("jdbcUrl", "at most 500 characters");
        } else {
            String lower = url.toLowerCase(Locale.ROOT);
            for (String refused : REFUSED_URL_PROPERTIES) {
                if (lower.contains(refused)) {
                    problems.put("jdbcUrl", refused.equals("password")
                            ? "no password in the URL: use the password field" : "the property " + refused
                            + " is not allowed in a source URL");
                    break;
                }
            }
        }
        if (username == null || username.isBlank() || username.length() > 128) {
            problems.put("username", "the source login, 1 to 128 characters");
        }
        for (var entry : names().entrySet()) {
            String problem = entry.getKey().endsWith("_table") ? tableProblem(entry.getValue())
                    : identifierProblem(entry.getValue());
            if (problem != null) {
                problems.put(entry.getKey(), problem);
            }
        }
        if (hwmKind == null) {
            problems.put("hwmKind", "line id or last-modified timestamp");
        }
        if (cron == null || !CronExpression.isValidExpression(cron.strip())) {
            problems.put("cron", "a Quartz cron expression, e.g. 0 0 2 * * ? (every day at 02:00)");
        }
        if ((defaultRegion == null || defaultRegion.isBlank()) && (mappingName == null || mappingName.isBlank())) {
            problems.put("defaultRegion", "choose a default region or a saved country mapping");
        }
        return problems;
    }

    static String identifierProblem(String value) {
        if (value == null || value.isBlank()) {
            return "required";
        }
        return IDENTIFIER.matcher(value).matches() ? null
                : "a plain column name: letters, digits and _ (not starting with a digit)";
    }

    static String tableProblem(String value) {
        if (value == null || value.isBlank()) {
            return "required";
        }
        String[] parts = value.split("\\.", -1);
        if (parts.length > 3) {
            return "a table name, optionally schema-qualified (dbo.SalesLine)";
        }
        for (String part : parts) {
            if (!IDENTIFIER.matcher(part).matches()) {
                return "a table name, optionally schema-qualified (dbo.SalesLine): letters, digits and _ only";
            }
        }
        return null;
    }

    /** The same definition with surrounding blanks removed. */
    SourceDefinition stripped() {
        return new SourceDefinition(id, strip(name), strip(jdbcUrl), strip(username), passwordSet, strip(factTable),
                strip(invoiceColumn), strip(invoiceTsColumn), strip(productColumn), strip(descriptionColumn),
                strip(quantityColumn), strip(unitPriceColumn), strip(customerColumn), strip(customerTable),
                strip(customerKeyColumn), strip(countryColumn), strip(hwmColumn), hwmKind, blankToNull(mappingName),
                blankToNull(defaultRegion), strip(cron), enabled);
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
