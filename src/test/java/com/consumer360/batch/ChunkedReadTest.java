package com.consumer360.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.consumer360.analytics.TransactionTable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading in chunks ({@link TransactionFiles#readInChunks}) gives the same lines, file lines and unreadable lines as
 * reading the whole file, never more than a chunk at a time, and passes a receiver's exception on.
 */
class ChunkedReadTest {

    @TempDir
    Path dir;

    @Test
    void chunksAreTheWholeFileInOrder() throws Exception {
        Path file = dir.resolve("lines.csv");
        StringBuilder text = new StringBuilder("InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,"
                + "CustomerID,Country\n");
        for (int i = 0; i < 2_500; i++) {
            text.append(i % 3 == 0 ? "C" : "").append(536_000 + i / 4).append(",P").append(i % 17).append(",Thing ")
                    .append(i % 17).append(',').append(i % 5 - 1).append(",2010-12-0").append(1 + i % 9)
                    .append(" 08:").append(10 + i % 50).append(',').append(i % 7 == 0 ? "0" : "2.55").append(',')
                    .append(i % 11 == 0 ? "" : String.valueOf(17_000 + i % 40)).append(",Country ").append(i % 3)
                    .append('\n');
            if (i == 1_234) {
                text.append("536999,P1,Bad,notanumber,2010-12-01 08:00,1.00,17000,X\n");
            }
        }
        Files.writeString(file, text);
        TransactionFiles.Lines whole = TransactionFiles.readWithLines(file, StandardCharsets.UTF_8, ',');
        assertThat(whole.unreadable()).hasSize(1);

        List<TransactionFiles.Lines> chunks = new ArrayList<>();
        TransactionFiles.readInChunks(file, StandardCharsets.UTF_8, ',', Map.of(), 1_000, chunks::add);

        assertThat(chunks).hasSize(3);
        List<String> lines = new ArrayList<>();
        List<Integer> fileLines = new ArrayList<>();
        List<LineProblem> unreadable = new ArrayList<>();
        int malformed = 0;
        for (var chunk : chunks) {
            assertThat(chunk.table().size() + chunk.unreadable().size()).isLessThanOrEqualTo(1_000);
            for (int row = 0; row < chunk.table().size(); row++) {
                lines.add(line(chunk.table(), row));
                fileLines.add(chunk.lineOfRow()[row]);
            }
            unreadable.addAll(chunk.unreadable());
            malformed += chunk.table().malformedLines();
        }
        List<String> expected = new ArrayList<>();
        List<Integer> expectedLines = new ArrayList<>();
        for (int row = 0; row < whole.table().size(); row++) {
            expected.add(line(whole.table(), row));
            expectedLines.add(whole.lineOfRow()[row]);
        }
        assertThat(lines).isEqualTo(expected);
        assertThat(fileLines).isEqualTo(expectedLines);
        assertThat(unreadable).isEqualTo(whole.unreadable());
        assertThat(malformed).isEqualTo(whole.table().malformedLines());
    }

    @Test
    void aReceiversExceptionEndsTheRead() throws Exception {
        Path file = dir.resolve("small.csv");
        Files.writeString(file, "InvoiceNo,StockCode,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n"
                + "1,A,1,2010-12-01 08:00,1.00,17000,X\n2,A,1,2010-12-01 08:00,1.00,17000,X\n");
        List<Integer> sizes = new ArrayList<>();
        assertThatThrownBy(() -> TransactionFiles.readInChunks(file, StandardCharsets.UTF_8, ',', Map.of(), 1,
                chunk -> {
                    sizes.add(chunk.table().size());
                    throw new IOException("receiver failed");
                })).isInstanceOf(IOException.class).hasMessage("receiver failed");
        assertThat(sizes).containsExactly(1);
    }

    private static String line(TransactionTable t, int row) {
        int customer = t.customer(row);
        int country = t.country(row);
        return t.invoiceId(t.invoice(row)) + "|" + t.productId(t.product(row)) + "|" + t.day(row) + "|"
                + t.secondOfDay(row) + "|" + t.quantity(row) + "|" + t.unitPrice(row) + "|" + t.amount(row) + "|"
                + (customer < 0 ? "-" : t.customerId(customer)) + "|" + (country < 0 ? "-" : t.countryName(country))
                + "|" + t.isCancellation(t.invoice(row)) + "|" + t.productDescription(t.product(row));
    }
}
