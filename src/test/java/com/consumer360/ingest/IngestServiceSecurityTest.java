package com.consumer360.ingest;

import static com.consumer360.support.TestDatabase.superuserLong;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.consumer360.analytics.cleaning.CleaningReport;
import com.consumer360.support.PortalIntegration;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * Only ADMIN may validate, import, read the history or keep mappings. No test here loads into the shared test
 * warehouse (the loads are tested on databases of their own); validation reads the file and the regions only.
 */
@PortalIntegration
class IngestServiceSecurityTest {

    @Autowired
    IngestService ingest;

    @Test
    @WithUserDetails("north")
    void regionalManagerIsRefusedEverything() throws Exception {
        assertRefused(AccessDeniedException.class);
    }

    @Test
    @WithUserDetails("exec")
    void executiveIsRefusedEverything() throws Exception {
        assertRefused(AccessDeniedException.class);
    }

    @Test
    @WithUserDetails("csops")
    void csOpsIsRefusedEverything() throws Exception {
        assertRefused(AccessDeniedException.class);
    }

    @Test
    void anonymousCallersAreRefused() throws Exception {
        assertRefused(AuthenticationCredentialsNotFoundException.class);
    }

    private void assertRefused(Class<? extends Exception> refusal) throws Exception {
        long lines = superuserLong("SELECT count(*) FROM fact_sales");
        long runs = superuserLong("SELECT count(*) FROM ingest_run");
        Path sample = OnlineRetailImportTest.sample();
        RegionMapping mapping = OnlineRetailImportTest.MAPPING;
        assertThatThrownBy(() -> ingest.importFile(sample, "x.csv", mapping, false, true, ImportProgress.NONE))
                .isInstanceOf(refusal);
        assertThatThrownBy(() -> ingest.validate(sample, "x.csv", mapping)).isInstanceOf(refusal);
        assertThatThrownBy(() -> ingest.rowErrors(sample, "x.csv", mapping)).isInstanceOf(refusal);
        assertThatThrownBy(() -> ingest.history(10)).isInstanceOf(refusal);
        FileFormat format = new FileFormat(FileFormat.Encoding.UTF_8, FileFormat.Delimiter.COMMA);
        assertThatThrownBy(() -> ingest.format(sample, "x.csv")).isInstanceOf(refusal);
        assertThatThrownBy(() -> ingest.columns(sample, "x.csv", format)).isInstanceOf(refusal);
        assertThatThrownBy(() -> ingest.suggestColumns(java.util.List.of("InvoiceNo"))).isInstanceOf(refusal);
        assertThatThrownBy(() -> ingest.checkColumns(java.util.List.of("InvoiceNo"), ColumnMapping.AUTOMATIC))
                .isInstanceOf(refusal);
        assertThatThrownBy(() -> ingest.validate(sample, "x.csv", mapping, format)).isInstanceOf(refusal);
        assertThatThrownBy(() -> ingest.rowErrors(sample, "x.csv", mapping, format)).isInstanceOf(refusal);
        assertThatThrownBy(() -> ingest.preview(sample, "x.csv", mapping, format, 5)).isInstanceOf(refusal);
        assertThatThrownBy(() -> ingest.validation(sample, "x.csv", mapping, format, 5)).isInstanceOf(refusal);
        assertThatThrownBy(() -> ingest.countries(sample, "x.csv", format, ColumnMapping.AUTOMATIC)).isInstanceOf(refusal);
        assertThatThrownBy(() -> ingest.importFile(sample, "x.csv", mapping, format, false, true,
                ImportProgress.NONE)).isInstanceOf(refusal);
        assertThatThrownBy(() -> ingest.saveMapping("x", mapping)).isInstanceOf(refusal);
        assertThatThrownBy(() -> ingest.mapping("x")).isInstanceOf(refusal);
        assertThatThrownBy(() -> ingest.mappingNames()).isInstanceOf(refusal);
        assertThatThrownBy(() -> ingest.regionNames()).isInstanceOf(refusal);
        assertThatThrownBy(() -> ingest.existingCountryRegions(java.util.List.of("Germany"))).isInstanceOf(refusal);
        assertThat(superuserLong("SELECT count(*) FROM fact_sales")).isEqualTo(lines);
        assertThat(superuserLong("SELECT count(*) FROM ingest_run")).isEqualTo(runs);
    }

    @Test
    @WithUserDetails("admin")
    void adminValidatesWithTheBatchRunsCountsAndChangesNothing() throws Exception {
        long lines = superuserLong("SELECT count(*) FROM fact_sales");
        CleaningReport report = ingest.validate(OnlineRetailImportTest.sample(), "sample.csv.gz",
                OnlineRetailImportTest.MAPPING);
        assertThat(report.linesRead()).isEqualTo(42_481);
        assertThat(report.linesKept()).isEqualTo(41_710);
        assertThat(ingest.rowErrors(OnlineRetailImportTest.sample(), "sample.csv.gz", OnlineRetailImportTest.MAPPING))
                .hasSize(771);
        assertThat(superuserLong("SELECT count(*) FROM fact_sales")).isEqualTo(lines);
    }

    @Test
    @WithUserDetails("admin")
    void adminGetsTheRegionOfTheDemoCustomersCountriesInEveryRegion() {
        // The admin is assigned all five regions: the demo's customers of each country are seen, whatever region.
        assertThat(ingest.existingCountryRegions(java.util.List.of("Norway", "Spain", "Poland", "France", "Germany",
                "United Kingdom"))).isEqualTo(Map.of("Norway", "NORTH", "Spain", "SOUTH", "Poland", "EAST", "France",
                "WEST", "Germany", "CENTRAL"));
        assertThat(ingest.regionNames()).containsExactly(Map.entry("NORTH", "North"), Map.entry("SOUTH", "South"),
                Map.entry("EAST", "East"), Map.entry("WEST", "West"), Map.entry("CENTRAL", "Central"));
    }

    @Test
    @WithUserDetails("admin")
    void adminSavesAMappingByNameAndReadsItBack() throws Exception {
        RegionMapping mapping = new RegionMapping(Map.of("United Kingdom", "NORTH", "France", "West"), "central");
        ingest.saveMapping("security-test", mapping);
        assertThat(ingest.mapping("security-test")).contains(
                new RegionMapping(Map.of("United Kingdom", "NORTH", "France", "WEST"), "CENTRAL"));
        assertThat(ingest.mappingNames()).contains("security-test");
        assertThatThrownBy(() -> ingest.saveMapping("bad", new RegionMapping(Map.of("France", "Atlantis"), null)))
                .isInstanceOf(ImportException.class).hasMessageContaining("Atlantis");
        assertThat(ingest.mapping("bad")).isEmpty();
    }

    @Test
    @WithUserDetails("admin")
    void adminReadsTheColumnsAndSavesAColumnMappingByName() throws Exception {
        java.util.List<String> header = ingest.columns(OnlineRetailImportTest.sample(), "sample.csv.gz", null);
        assertThat(header).containsExactly("InvoiceNo", "StockCode", "Description", "Quantity", "InvoiceDate",
                "UnitPrice", "CustomerID", "Country");
        ColumnMapping suggested = ingest.suggestColumns(header);
        assertThat(ingest.checkColumns(header, suggested)).isEmpty();
        RegionMapping mapping = new RegionMapping(Map.of("United Kingdom", "NORTH"), "WEST", suggested);
        ingest.saveMapping("security-test-columns", mapping);
        assertThat(ingest.mapping("security-test-columns")).contains(mapping);
        assertThat(ingest.validate(OnlineRetailImportTest.sample(), "sample.csv.gz", mapping).linesKept())
                .isEqualTo(41_710);
    }

    @Test
    @WithUserDetails("admin")
    void adminReadsTheHistoryWithTheDemoLoad() {
        assertThat(ingest.history(50)).extracting(ImportRun::source).contains("demo-data");
    }
}
