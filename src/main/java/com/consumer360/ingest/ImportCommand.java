package com.consumer360.ingest;

import com.consumer360.database.EmbeddedDatabase;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code import} command for cron jobs (CSV or XLSX, see {@link XlsxSheet}): {@code import --input FILE [--mapping NAME] [--regions FILE] [--replace]
 * [--errors FILE] [--encoding E] [--delimiter D]} (encoding and delimiter detected unless given); it prints the first lines of the row-level error report and writes all of it to {@code --errors}.
 * Loads into the configured database as the owner role (SPRING_DATASOURCE_URL with SPRING_FLYWAY_USER and
 * SPRING_FLYWAY_PASSWORD, or the embedded database under consumer360.data-dir), migrating it first as the portal
 * would, under an audited system scope over every region. Exit 0 on success, 2 with one line for bad input, 1 when
 * the database fails. The password is read from the environment only and never printed.
 */
public final class ImportCommand {

    private static final Logger audit = LoggerFactory.getLogger("consumer360.audit");
    static final String USAGE = "usage: import --input FILE (.csv, .csv.gz or .xlsx) [--mapping NAME] [--regions FILE] [--replace] "
            + "[--errors FILE] [--encoding utf-8|windows-1252|latin-1] [--delimiter comma|semicolon|tab]";

    private ImportCommand() {
    }

    public static int run(String[] args) {
        return run(args, System.out, System.err);
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            ImportArguments arguments = ImportArguments.parse(args);
            Database database = Database.configured();
            Flyway.configure().dataSource(database.url, database.user, database.password)
                    .locations("classpath:db/migration").placeholders(Map.of("app_role", database.appRole))
                    .load().migrate();
            FileImport.Connections connections = () -> database.scoped();
            RegionMapping mapping = arguments.regions() != null ? RegionMapping.read(arguments.regions())
                    : new RegionMapping(Map.of(), null);
            if (arguments.mapping() != null) {
                try (Connection connection = connections.open()) {
                    mapping = MappingStore.find(connection, arguments.mapping()).orElseThrow(() -> new ImportException(
                            "--mapping: no saved mapping named \"" + arguments.mapping() + "\""));
                }
            }
            Path input = arguments.input();
            ImportReport report = FileImport.run(connections, input, input.toString(), mapping, arguments.replace(),
                    ImportProgress.NONE, 0, arguments.chosenFormat());
            out.println("import: " + report.summary());
            printRowErrors(report.rowErrors(), arguments.errors(), out);
            out.println("import: recorded as ingest run " + report.runId()
                    + "; the next refresh (scheduled, or Refresh now in the portal) updates the analyses");
            return 0;
        } catch (ImportException e) {
            err.println("import: " + e.getMessage());
            return 2;
        } catch (SQLException | RuntimeException e) {
            err.println("import: the database failed, nothing was loaded: " + e.getMessage());
            return 1;
        }
    }

    static final int ROW_ERRORS_PRINTED = 10;

    /** The first lines left out, and the whole report as CSV in {@code errors} when given. */
    private static void printRowErrors(java.util.List<RowError> errors, Path file, PrintStream out) {
        out.printf("import: %,d lines left out (row-level error report)%n", errors.size());
        for (RowError error : errors.subList(0, Math.min(ROW_ERRORS_PRINTED, errors.size()))) {
            out.printf("import:   line %d, column %s, value \"%s\": %s%n", error.line(), error.column(), error.value(),
                    error.reason());
        }
        if (file != null) {
            try (var stream = java.nio.file.Files.newOutputStream(file)) {
                RowError.writeCsv(errors, stream);
                out.println("import: row-level error report written to " + file);
            } catch (java.io.IOException e) {
                out.println("import: could not write the row-level error report to " + file + ": " + e.getMessage()
                        + " (the import itself succeeded)");
            }
        } else if (errors.size() > ROW_ERRORS_PRINTED) {
            out.println("import:   ... --errors FILE writes all of them as CSV");
        }
    }

    /** The database to load, from system properties or the environment (Spring's names), else the embedded one. */
    private record Database(String url, String user, String password, String appRole) {

        static Database configured() {
            String url = setting("spring.datasource.url");
            if (url == null || url.isBlank()) {
                Path dataDir = Path.of(setting("consumer360.data-dir") == null ? "./data" : setting("consumer360.data-dir"));
                EmbeddedDatabase embedded = EmbeddedDatabase.startOrGet(dataDir.resolve("postgres"));
                return new Database(embedded.jdbcUrl(), EmbeddedDatabase.ownerRole(), EmbeddedDatabase.password(),
                        EmbeddedDatabase.appRole());
            }
            String user = setting("spring.flyway.user");
            String password = setting("spring.flyway.password");
            return new Database(url, user == null ? setting("spring.datasource.username") : user,
                    password == null ? setting("spring.datasource.password") : password,
                    setting("spring.datasource.username"));
        }

        /** A connection as the owner with every region in scope, as the audited system scope "import". */
        Connection scoped() throws SQLException {
            Connection connection = DriverManager.getConnection(url, user, password);
            try (PreparedStatement bind = connection.prepareStatement("SELECT set_config('app.region_ids', "
                    + "coalesce((SELECT string_agg(region_id::text, ',') FROM dim_region), ''), false), "
                    + "set_config('app.username', 'system:import', false)")) {
                bind.execute();
            } catch (SQLException e) {
                connection.close();
                throw e;
            }
            audit.info("system scope system:import entered for every region as {}", user);
            return connection;
        }

        /** {@code spring.datasource.url} as a system property, else SPRING_DATASOURCE_URL. */
        private static String setting(String name) {
            String value = System.getProperty(name);
            return value != null ? value : System.getenv(name.toUpperCase(java.util.Locale.ROOT).replace('.', '_')
                    .replace('-', '_'));
        }

        @Override
        public String toString() {
            return "Database[" + url + " as " + user + "]"; // never the password
        }
    }
}
