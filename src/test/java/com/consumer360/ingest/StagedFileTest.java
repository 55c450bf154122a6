package com.consumer360.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.consumer360.analytics.TransactionColumn;
import com.consumer360.analytics.TransactionTable;
import com.consumer360.analytics.TransactionTableBuilder;
import com.consumer360.analytics.cleaning.CleanedTransactions;
import com.consumer360.analytics.cleaning.Cleaning;
import com.consumer360.batch.TransactionFiles;
import com.consumer360.support.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The cleaning rules in SQL over staged lines ({@link StagedFile}) give exactly {@link Cleaning#clean}'s report,
 * kept lines and excluded duplicate lines: on the Online Retail sample (which repeats lines, has prices of zero,
 * cancellations, returns and lines without customer id) staged in chunks of 1,000 lines, and on a small table of the
 * rules' edge cases.
 */
class StagedFileTest {

    @Test
    void onlineRetailSampleGivesTheBatchReport() throws Exception {
        Path sample = Path.of(StagedFileTest.class.getResource("/online-retail/online_retail_2010-12.csv.gz")
                .toURI());
        TransactionFiles.Lines lines = TransactionFiles.readWithLines(sample, StandardCharsets.UTF_8, ',');
        CleanedTransactions java = Cleaning.clean(lines.table());
        assertThat(java.report().exactDuplicates()).as("the sample repeats lines").isPositive();
        List<TransactionFiles.Lines> chunks = new ArrayList<>();
        TransactionFiles.readInChunks(sample, StandardCharsets.UTF_8, ',', Map.of(), 1_000, chunks::add);
        assertThat(chunks).hasSizeGreaterThan(40);
        assertSameAsSql(lines.table(), lines.lineOfRow(), java, chunks);
    }

    @Test
    void edgeCasesOfTheRules() throws Exception {
        var b = new TransactionTableBuilder(EnumSet.of(TransactionColumn.CUSTOMER_ID, TransactionColumn.INVOICE_ID,
                TransactionColumn.INVOICE_DATE, TransactionColumn.PRODUCT_ID, TransactionColumn.QUANTITY,
                TransactionColumn.UNIT_PRICE, TransactionColumn.COUNTRY));
        // a line, its exact repeat (excluded), a repeat with another quantity (kept)
        b.customer("c1").invoice("1").dateTime(15000, 60).product("p").quantity(2).unitPrice(1.5).country("X").addLine();
        b.customer("c1").invoice("1").dateTime(15000, 60).product("p").quantity(2).unitPrice(1.5).country("X").addLine();
        b.customer("c1").invoice("1").dateTime(15000, 60).product("p").quantity(3).unitPrice(1.5).country("X").addLine();
        // without invoice id: both kept; without customer: repeats still excluded
        b.customer("c2").dateTime(15001, 0).product("p").quantity(1).unitPrice(2).addLine();
        b.customer("c2").dateTime(15001, 0).product("p").quantity(1).unitPrice(2).addLine();
        b.invoice("2").dateTime(15001, 0).product("q").quantity(1).unitPrice(2).addLine();
        b.invoice("2").dateTime(15001, 0).product("q").quantity(1).unitPrice(2).addLine();
        // price zero and negative: excluded first (a customer and an invoice removed by price)
        b.customer("c3").invoice("3").dateTime(15002, 0).product("p").quantity(1).unitPrice(0).addLine();
        b.customer("c3").invoice("3").dateTime(15002, 0).product("p").quantity(1).unitPrice(-1).addLine();
        // a cancellation and its repeat, a return; c4 has no purchase
        b.customer("c4").invoice("C4").dateTime(15003, 0).product("p").quantity(-1).unitPrice(2).addLine();
        b.customer("c4").invoice("C4").dateTime(15003, 0).product("p").quantity(-1).unitPrice(2).addLine();
        b.customer("c4").invoice("5").dateTime(15003, 0).product("p").quantity(-2).unitPrice(2).addLine();
        // no unit price: an amount of zero is a purchase
        b.customer("c5").invoice("6").dateTime(15004, 0).product("p").amount(0).addLine();
        // -0 and 0 are different amounts to the rule (Double.compare), so neither is a duplicate of the other
        b.customer("c5").invoice("6").dateTime(15004, 0).product("p").amount(-0.0).addLine();
        b.skipMalformedLine();
        TransactionTable table = b.build();
        int[] lineOfRow = new int[table.size()];
        for (int row = 0; row < lineOfRow.length; row++) {
            lineOfRow[row] = row + 2;
        }
        CleanedTransactions java = Cleaning.clean(table);
        assertThat(java.report().exactDuplicates()).isEqualTo(3);
        assertSameAsSql(table, lineOfRow, java, List.of(new TransactionFiles.Lines(table, lineOfRow, List.of())));
    }

    private static void assertSameAsSql(TransactionTable table, int[] lineOfRow, CleanedTransactions java,
                                        List<TransactionFiles.Lines> staged) throws Exception {
        BitSet kept = new BitSet(table.size());
        for (int i = 0; i < java.size(); i++) {
            kept.set(java.row(i));
        }
        List<Integer> duplicates = new ArrayList<>();
        for (int row = 0; row < table.size(); row++) {
            if (!kept.get(row) && !Cleaning.hasNonPositivePrice(table, row)) {
                duplicates.add(lineOfRow[row]);
            }
        }
        try (Connection connection = TestDatabase.connectAs("postgres")) {
            connection.setAutoCommit(false);
            try {
                StagedFile.createTable(connection);
                var regions = new StagedFile.Regions("test", new RegionMapping(Map.of(), "NORTH"),
                        Map.of("NORTH", (short) 1));
                StagedFile.Writer writer = new StagedFile.Writer(connection, "test", regions, ImportProgress.NONE, 0,
                        false);
                try (writer) {
                    for (TransactionFiles.Lines chunk : staged) {
                        writer.accept(chunk);
                    }
                }
                StagedFile.Result result = StagedFile.finish(connection, "test", writer);
                assertThat(result.report()).isEqualTo(java.report());
                assertThat(result.kept()).isEqualTo(java.size());
                assertThat(result.rowErrors().stream().filter(e -> e.column().equals("*"))
                        .map(e -> (int) e.line()).toList()).isEqualTo(duplicates);
            } finally {
                connection.rollback();
            }
        }
    }
}
