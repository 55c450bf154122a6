package com.consumer360.ingest;

import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * An XLSX workbook adapted to the CSV path: the first sheet is streamed row by row (fastexcel-reader) into a
 * temporary UTF-8 CSV file with one line per sheet row, so that line N of the CSV is row N of the sheet and the
 * batch reader, the cleaning rules, the checks and the load are those of a CSV import. Cells: text as is (a line
 * break inside a cell becomes a space), numbers in plain decimal notation, date-formatted numbers and numbers in the
 * date column (Excel serial dates) as {@code yyyy-MM-dd HH:mm:ss}, booleans as TRUE/FALSE. Formula cells are refused
 * (the import takes values only, never a cached result it cannot check), and so are error cells.
 */
final class XlsxSheet {

    private static final int ZIP_MAGIC = 0x504b0304;
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final LocalDate EPOCH_1900 = LocalDate.of(1899, 12, 30);
    private static final LocalDate EPOCH_1904 = LocalDate.of(1904, 1, 1);

    /**
     * The converted sheet: the CSV file and the sheet's name for messages. Closing deletes the file unless it is a
     * shared copy of a conversion kept by {@link #cached}.
     */
    record Converted(Path csv, String sheet, boolean owned) implements AutoCloseable {
        Converted(Path csv, String sheet) {
            this(csv, sheet, true);
        }

        @Override
        public void close() {
            if (!owned) {
                return;
            }
            try {
                Files.deleteIfExists(csv);
            } catch (IOException e) {
                // a temporary file; the next start of the JVM's temp cleaner takes it
            }
        }

        /** The CSV reader's "line N" is the sheet's row N: messages name the sheet and the row. */
        String rename(String message, String name) {
            return message.replace(name + ": line ", name + ": sheet \"" + sheet + "\" row ");
        }
    }

    private XlsxSheet() {
    }

    /** Whether the file is (or claims to be) an XLSX workbook: ZIP content, or a name ending in .xlsx. */
    static boolean isWorkbook(Path file, String name) throws ImportException {
        if (name.toLowerCase(Locale.ROOT).endsWith(".xlsx") || name.toLowerCase(Locale.ROOT).endsWith(".xlsm")) {
            return true;
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] magic = in.readNBytes(4);
            return magic.length == 4 && java.nio.ByteBuffer.wrap(magic).getInt() == ZIP_MAGIC;
        } catch (IOException e) {
            throw new ImportException(name + ": cannot read: " + e.getMessage());
        }
    }

    /**
     * Streams the first sheet into a temporary CSV file; {@code dateColumn} gives, from the header row, the index
     * of the column holding dates (-1 when none), whose plain numbers are read as Excel serial dates.
     */
    /** An upload as converted for one mapped date column (null: recognised by name), and when it was converted. */
    private record CacheKey(Path file, long size, long modified, String dateColumn) {
    }

    /** The last conversions, least recently used first; see {@link #cached}. */
    private static final java.util.LinkedHashMap<CacheKey, Converted> CONVERTED =
            new java.util.LinkedHashMap<>(8, 0.75f, true);
    private static final int KEPT = 4;
    private static int conversions;

    /**
     * The first sheet as CSV, converted once per upload and date column: the wizard reads the same upload at each
     * step (format, mapping, countries, validation, load), and converting half a million rows takes about 10 s.
     * The last {@value #KEPT} conversions are kept in temporary files (a changed or deleted upload drops its
     * conversion; the rest go when the JVM exits); the returned copy is shared, and closing it keeps the file.
     */
    static Converted cached(Path file, String name, long maxBytes, String mappedDateColumn,
                            Function<List<String>, Integer> dateColumn) throws ImportException {
        checkFile(file, name, maxBytes);
        CacheKey key;
        try {
            key = new CacheKey(file.toAbsolutePath().normalize(), Files.size(file),
                    Files.getLastModifiedTime(file).toMillis(), mappedDateColumn);
        } catch (IOException e) {
            throw new ImportException(name + ": cannot read: " + e.getMessage());
        }
        synchronized (CONVERTED) {
            CONVERTED.entrySet().removeIf(entry -> {
                boolean stale = !entry.getValue().csv().toFile().exists() || !current(entry.getKey());
                if (stale) {
                    entry.getValue().close();
                }
                return stale;
            });
            Converted kept = CONVERTED.get(key);
            if (kept == null) {
                kept = toCsv(file, name, maxBytes, dateColumn);
                kept.csv().toFile().deleteOnExit();
                CONVERTED.put(key, kept);
                while (CONVERTED.size() > KEPT) {
                    var eldest = CONVERTED.entrySet().iterator();
                    eldest.next().getValue().close();
                    eldest.remove();
                }
            }
            return new Converted(kept.csv(), kept.sheet(), false);
        }
    }

    private static boolean current(CacheKey key) {
        try {
            return Files.size(key.file()) == key.size()
                    && Files.getLastModifiedTime(key.file()).toMillis() == key.modified();
        } catch (IOException e) {
            return false;
        }
    }

    /** How many sheets were converted since the JVM started (for tests of the cache). */
    static int conversions() {
        synchronized (CONVERTED) {
            return conversions;
        }
    }

    static Converted toCsv(Path file, String name, long maxBytes, Function<List<String>, Integer> dateColumn)
            throws ImportException {
        synchronized (CONVERTED) {
            conversions++;
        }
        checkFile(file, name, maxBytes);
        Path csv;
        try {
            csv = Files.createTempFile("c360-xlsx-", ".csv");
        } catch (IOException e) {
            throw new IllegalStateException("cannot create a temporary file: " + e.getMessage(), e);
        }
        boolean converted = false;
        try (ReadableWorkbook workbook = new ReadableWorkbook(file.toFile(), new ReadingOptions(true, false))) {
            Sheet sheet = workbook.getFirstSheet();
            String where = name + ": sheet \"" + sheet.getName() + "\"";
            try (Stream<Row> rows = sheet.openStream();
                 Writer writer = Files.newBufferedWriter(csv, StandardCharsets.UTF_8);
                 CsvWriter out = CsvWriter.builder().build(writer)) {
                write(rows.iterator(), out, writer, where, workbook.isDate1904(), dateColumn);
            }
            converted = true;
            return new Converted(csv, sheet.getName());
        } catch (UncheckedIOException e) {
            throw damaged(name, e.getCause());
        } catch (IOException e) {
            throw damaged(name, e);
        } catch (RuntimeException e) {
            throw damaged(name, e);
        } finally {
            if (!converted) {
                try {
                    Files.deleteIfExists(csv);
                } catch (IOException e) {
                    // best effort
                }
            }
        }
    }

    /** Size limit, empty file, old .xls and non-XLSX content, before the workbook is opened. */
    private static void checkFile(Path file, String name, long maxBytes) throws ImportException {
        byte[] magic;
        long size;
        try (InputStream in = Files.newInputStream(file)) {
            size = Files.size(file);
            magic = in.readNBytes(8);
        } catch (IOException e) {
            throw new ImportException(name + ": cannot read: " + e.getMessage());
        }
        if (maxBytes > 0 && size > maxBytes) {
            throw new ImportException(name + ": " + size + " bytes, more than the import limit of " + maxBytes
                    + " bytes (consumer360.import.max-bytes)");
        }
        if (size == 0) {
            throw new ImportException(name + ": empty file, expected an XLSX workbook");
        }
        if (ReadableWorkbook.isOLE2Header(magic)) {
            throw new ImportException(name + ": an Excel 97-2003 (.xls) workbook; save it as .xlsx or as CSV UTF-8");
        }
        if (!ReadableWorkbook.isOOXMLZipHeader(magic)) {
            throw new ImportException(name + ": not an XLSX workbook (the file does not start like one); save the "
                    + "sheet as .xlsx or as CSV UTF-8");
        }
    }


    /**
     * The first row of the first sheet, as the header names; a sheet without a row of data after it is refused (it
     * has nothing to import).
     */
    static List<String> header(Path file, String name) throws ImportException {
        checkFile(file, name, 0);
        try (ReadableWorkbook workbook = new ReadableWorkbook(file.toFile(), new ReadingOptions(true, false))) {
            Sheet sheet = workbook.getFirstSheet();
            try (Stream<Row> rows = sheet.openStream()) {
                Iterator<Row> iterator = rows.iterator();
                if (!iterator.hasNext()) {
                    throw new CellException(name + ": sheet \"" + sheet.getName()
                            + "\" is empty, expected a header row");
                }
                Row first = iterator.next();
                List<String> header = new ArrayList<>();
                for (int c = 0; c < first.getCellCount(); c++) {
                    Cell cell = first.getCell(c);
                    header.add(cell == null ? "" : text(cell, name + ": sheet \"" + sheet.getName() + "\"", -2, false));
                }
                while (!header.isEmpty() && header.getLast().isBlank()) {
                    header.removeLast();
                }
                boolean data = false;
                while (!data && iterator.hasNext()) {
                    data = iterator.next().stream().anyMatch(cell -> cell != null && cell.getRawValue() != null
                            && !cell.getRawValue().isBlank());
                }
                if (!data) {
                    throw new CellException(FileImport.noDataLines(name + ": sheet \"" + sheet.getName() + "\"",
                            "row 1 is the sheet's only row", String.join(", ", header)));
                }
                return header;
            }
        } catch (UncheckedIOException e) {
            throw damaged(name, e.getCause());
        } catch (IOException | RuntimeException e) {
            throw damaged(name, e);
        }
    }

    private static ImportException damaged(String name, Throwable cause) {
        if (cause instanceof CellException refused) {
            return new ImportException(refused.getMessage());
        }
        return new ImportException(name + ": not a readable XLSX workbook (damaged or truncated?): "
                + (cause == null ? "" : cause.getMessage()));
    }

    /** A cell the import refuses; unchecked to pass through the stream, turned into an ImportException above. */
    private static final class CellException extends RuntimeException {
        CellException(String message) {
            super(message, null, false, false);
        }
    }

    private static void write(Iterator<Row> rows, CsvWriter out, Writer writer, String where, boolean date1904,
                              Function<List<String>, Integer> dateColumnOf) throws IOException {
        if (!rows.hasNext()) {
            throw new CellException(where + " is empty, expected a header row");
        }
        int line = 0;
        int dateColumn = -1;
        int width = 0;
        List<String> fields = new ArrayList<>();
        while (rows.hasNext()) {
            Row row = rows.next();
            while (++line < row.getRowNum()) {
                if (line > 1) {
                    writer.write("\r\n"); // an empty row keeps the numbering: the reader skips empty lines
                    continue;
                }
                throw new CellException(where + " row 1: empty, expected the header row (the first row names the "
                        + "columns)");
            }
            fields.clear();
            for (int c = 0; c < row.getCellCount(); c++) {
                Cell cell = row.getCell(c);
                fields.add(cell == null ? "" : text(cell, where, line == 1 ? -2 : c == dateColumn ? 1 : 0, date1904));
            }
            if (line == 1) {
                while (!fields.isEmpty() && fields.getLast().isBlank()) {
                    fields.removeLast();
                }
                width = fields.size();
                dateColumn = dateColumnOf.apply(List.copyOf(fields));
            } else {
                while (fields.size() > width && fields.getLast().isEmpty()) {
                    fields.removeLast();
                }
            }
            out.writeRecord(fields);
        }
        out.flush();
    }

    /** {@code mode}: -2 header row, 1 the date column, 0 any other. */
    private static String text(Cell cell, String where, int mode, boolean date1904) {
        return switch (cell.getType()) {
            case EMPTY -> "";
            case STRING -> cell.getText().replace("\r\n", " ").replace('\r', ' ').replace('\n', ' ');
            case BOOLEAN -> Boolean.TRUE.equals(cell.asBoolean()) ? "TRUE" : "FALSE";
            case NUMBER -> mode == 1 || mode != -2 && isDateFormat(cell) ? date(cell, where, date1904)
                    : plain(cell.getRawValue());
            case FORMULA -> throw new CellException(where + " row " + (cell.getAddress().getRow() + 1) + ", cell "
                    + cell.getAddress() + ": a formula (=" + cell.getFormula() + "); the import reads values only: "
                    + "replace the formulas by their values (copy, paste special, values) and save again");
            case ERROR -> throw new CellException(where + " row " + (cell.getAddress().getRow() + 1) + ", cell "
                    + cell.getAddress() + ": an error value (" + cell.getRawValue() + ")");
        };
    }

    private static String plain(String raw) {
        try {
            BigDecimal value = new BigDecimal(raw.strip());
            return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
        } catch (NumberFormatException e) {
            return raw;
        }
    }

    /** An Excel serial date (days since 1899-12-30, or 1904-01-01), to the nearest second. */
    private static String date(Cell cell, String where, boolean date1904) {
        BigDecimal serial;
        try {
            serial = new BigDecimal(cell.getRawValue().strip());
        } catch (NumberFormatException e) {
            return cell.getRawValue();
        }
        if (serial.signum() < 0 || serial.compareTo(BigDecimal.valueOf(2_958_465)) > 0) {
            throw new CellException(where + " row " + (cell.getAddress().getRow() + 1) + ", cell " + cell.getAddress()
                    + ": " + serial.toPlainString() + " is not an Excel date (serial day number)");
        }
        long seconds = serial.multiply(BigDecimal.valueOf(86_400)).setScale(0, RoundingMode.HALF_UP).longValueExact();
        LocalDateTime time = (date1904 ? EPOCH_1904 : EPOCH_1900).atStartOfDay().plusSeconds(seconds);
        return DATE_TIME.format(time);
    }

    /** Built-in date formats (ids 14-22, 45-47) and custom formats with day, month or year parts outside quotes. */
    private static boolean isDateFormat(Cell cell) {
        Integer id = cell.getDataFormatId();
        if (id != null && (id >= 14 && id <= 22 || id >= 45 && id <= 47)) {
            return true;
        }
        String format = cell.getDataFormatString();
        if (format == null || format.isEmpty() || format.equalsIgnoreCase("General")) {
            return false;
        }
        boolean quoted = false;
        boolean bracket = false;
        for (int i = 0; i < format.length(); i++) {
            char c = Character.toLowerCase(format.charAt(i));
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '\\') {
                i++;
            } else if (!quoted && c == '[') {
                bracket = true;
            } else if (!quoted && c == ']') {
                bracket = false;
            } else if (!quoted && !bracket && (c == 'y' || c == 'd' || c == 'm')) {
                return true;
            }
        }
        return false;
    }
}
