package com.consumer360.ingest;

import com.consumer360.analytics.TransactionTable;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;

/**
 * Checks a file before the batch reader parses it, for what that reader forgives: size, binary content, UTF-16 and
 * mixed encodings (the reader would replace bytes silently), a header naming a column twice; finds the file's encoding
 * and delimiter; and after reading, refuses values that a spreadsheet would run as formulas.
 */
final class FileCheck {

    private static final int ZIP_MAGIC = 0x504b0304;

    private FileCheck() {
    }

    /** How a file is read: its encoding, its field delimiter, and how that was found (for the messages). */
    record Format(Charset charset, char delimiter) {
        static final Format DEFAULT = new Format(StandardCharsets.UTF_8, ',');

        String describe() {
            return (charset == StandardCharsets.UTF_8 ? "UTF-8" : charset.name()) + ", "
                    + (delimiter == '\t' ? "tab" : delimiter == ';' ? "semicolon" : "comma") + " separated";
        }
    }

    /**
     * Checks size and content and finds the format: UTF-8 (with or without BOM) when every byte sequence is valid
     * UTF-8, else Windows-1252 (a superset of Latin-1's printable characters), refused as mixed encodings when the file
     * has both UTF-8 multi-byte characters and bytes that are not UTF-8; the delimiter is the one of {@code , ; tab}
     * that the header line uses most (outside quotes), comma when none.
     */
    static Format before(Path file, String name, long maxBytes) throws ImportException {
        return before(file, name, maxBytes, null, (char) 0);
    }

    /**
     * As {@link #before(Path, String, long)}, with the encoding and/or the delimiter chosen instead of detected
     * ({@code null} and {@code 0} mean detect); a chosen UTF-8 refuses bytes that are not UTF-8.
     */
    static Format before(Path file, String name, long maxBytes, Charset encoding, char delimiter)
            throws ImportException {
        Format found = detect(file, name, maxBytes, encoding);
        return delimiter == 0 ? found : new Format(found.charset(), delimiter);
    }

    private static Format detect(Path file, String name, long maxBytes, Charset encoding) throws ImportException {
        try {
            long size = Files.size(file);
            if (maxBytes > 0 && size > maxBytes) {
                throw new ImportException(name + ": " + size + " bytes, more than the import limit of " + maxBytes
                        + " bytes (consumer360.import.max-bytes)");
            }
            if (size == 0) {
                throw new ImportException(name + ": line 1: empty file, expected a header line");
            }
            if (encoding != null && !encoding.equals(StandardCharsets.UTF_8)) {
                return new Format(encoding, scan(file, name, encoding).delimiter);
            }
            Scan utf8 = scan(file, name, StandardCharsets.UTF_8);
            if (utf8.badLine < 0) {
                return new Format(StandardCharsets.UTF_8, utf8.delimiter);
            }
            String where = name + ": line " + utf8.badLine + ": not valid UTF-8 text (byte 0x" + utf8.badByte + ")";
            if (encoding != null) {
                throw new ImportException(where + "; the encoding was given as UTF-8");
            }
            if (utf8.utf8Line > 0) {
                throw new ImportException(where + " while line " + utf8.utf8Line + " is UTF-8: mixed encodings; "
                        + "save the file in one encoding (UTF-8)");
            }
            Scan windows = scan(file, name, WINDOWS_1252);
            if (windows.utf8Line > 0) {
                throw new ImportException(where + " while line " + windows.utf8Line + " has UTF-8 characters: mixed "
                        + "encodings; save the file in one encoding (UTF-8)");
            }
            return new Format(WINDOWS_1252, windows.delimiter);
        } catch (IOException e) {
            throw new ImportException(name + ": cannot read: " + e.getMessage());
        }
    }

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /** What a pass over the file found: the delimiter; the first line that is not UTF-8, and a UTF-8 line. */
    private record Scan(char delimiter, long badLine, String badByte, long utf8Line) {
    }

    /**
     * One pass in {@code charset}: NUL bytes refused, header checked. In UTF-8 it stops at the first invalid byte and
     * notes the first line with a multi-byte character; in Windows-1252 it notes the first line holding a UTF-8
     * multi-byte sequence (a lead byte C2-F4 then a continuation byte 80-BF).
     */
    private static Scan scan(Path file, String name, Charset charset) throws IOException, ImportException {
        boolean utf8 = charset == StandardCharsets.UTF_8;
        try (InputStream in = open(file, name)) {
            CharsetDecoder decoder = charset.newDecoder().onMalformedInput(
                            utf8 ? CodingErrorAction.REPORT : CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(utf8 ? CodingErrorAction.REPORT : CodingErrorAction.REPLACE);
            ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
            CharBuffer chars = CharBuffer.allocate(1 << 16);
            long line = 1;
            long utf8Line = -1;
            char delimiter = ',';
            StringBuilder header = new StringBuilder();
            boolean inHeader = true;
            int read;
            int previous = 0;
            while ((read = in.read(bytes.array(), bytes.position(), bytes.remaining())) >= 0 || bytes.position() > 0) {
                boolean end = read < 0;
                if (read > 0) {
                    bytes.position(bytes.position() + read);
                }
                bytes.flip();
                if (!utf8 && utf8Line < 0) {
                    long at = line;
                    for (int i = bytes.position(); i < bytes.limit(); i++) {
                        int b = bytes.get(i) & 0xff;
                        if (previous >= 0xc2 && previous <= 0xf4 && b >= 0x80 && b <= 0xbf) {
                            utf8Line = at;
                            break;
                        }
                        if (b == '\n') {
                            at++;
                        }
                        previous = b;
                    }
                }
                CoderResult result = decoder.decode(bytes, chars, end);
                chars.flip();
                for (int i = 0; i < chars.length(); i++) {
                    char c = chars.charAt(i);
                    if (c == 0) {
                        throw new ImportException(name + ": line " + line + ": binary content (a NUL byte), "
                                + "not a CSV text file");
                    }
                    if (c == '\n') {
                        if (inHeader) {
                            inHeader = false;
                            delimiter = checkHeader(name, header.toString());
                        }
                        line++;
                    } else {
                        if (inHeader && header.length() < 10_000) {
                            header.append(c);
                        }
                        if (utf8 && c > 0x7f && c != '\uFEFF' && utf8Line < 0) {
                            utf8Line = line;
                        }
                    }
                }
                chars.clear();
                if (result.isError()) {
                    return new Scan(delimiter, line, Integer.toHexString(bytes.get(bytes.position()) & 0xff), utf8Line);
                }
                bytes.compact();
                if (end) {
                    break;
                }
            }
            if (inHeader) {
                delimiter = checkHeader(name, header.toString());
            }
            return new Scan(delimiter, -1, "", utf8Line);
        }
    }

    /** The header's delimiter: the most frequent of {@code , ; tab} outside quotes, comma on a tie or none. */
    static char delimiterOf(String header) {
        int commas = 0;
        int semicolons = 0;
        int tabs = 0;
        boolean quoted = false;
        for (char c : header.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                commas += c == ',' ? 1 : 0;
                semicolons += c == ';' ? 1 : 0;
                tabs += c == '\t' ? 1 : 0;
            }
        }
        return semicolons > commas && semicolons >= tabs ? ';' : tabs > commas && tabs > semicolons ? '\t' : ',';
    }

    /** A column named twice would be read from its first place only, silently: refused instead. */
    private static char checkHeader(String name, String header) throws ImportException {
        Map<String, Integer> seen = new HashMap<>();
        char delimiter = delimiterOf(header.replace("\r", ""));
        String[] columns = header.replace("\uFEFF", "").replace("\r", "").split(
                java.util.regex.Pattern.quote(String.valueOf(delimiter)), -1);
        for (int i = 0; i < columns.length; i++) {
            String normal = normalise(columns[i]);
            if (normal.isEmpty()) {
                continue;
            }
            Integer first = seen.putIfAbsent(normal, i + 1);
            if (first != null) {
                throw new ImportException(name + ": line 1, column " + (i + 1) + ": column \"" + columns[i].strip()
                        + "\" appears twice (columns " + first + " and " + (i + 1) + ")");
            }
        }
        return delimiter;
    }

    static String normalise(String column) {
        StringBuilder s = new StringBuilder();
        for (char c : column.strip().replace("\"", "").toCharArray()) {
            if (Character.isLetterOrDigit(c)) {
                s.append(Character.toLowerCase(c));
            }
        }
        return s.toString();
    }

    private static InputStream open(Path file, String name) throws IOException, ImportException {
        BufferedInputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        in.mark(4);
        byte[] magic = in.readNBytes(4);
        in.reset();
        if (magic.length >= 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b) {
            return new GZIPInputStream(in, 1 << 16);
        }
        if (magic.length >= 2 && ((magic[0] & 0xff) == 0xfe && (magic[1] & 0xff) == 0xff
                || (magic[0] & 0xff) == 0xff && (magic[1] & 0xff) == 0xfe)) {
            in.close();
            throw new ImportException(name + ": line 1: UTF-16 text (byte 0x" + Integer.toHexString(magic[0] & 0xff)
                    + "); save the file as UTF-8 (or Windows-1252)");
        }
        if (magic.length == 4 && ByteBuffer.wrap(magic).getInt() == ZIP_MAGIC) {
            in.close();
            throw new ImportException(name + ": a ZIP file that is not an XLSX workbook; the import reads CSV "
                    + "files (plain or gzipped) and XLSX workbooks");
        }
        return in;
    }

    /** Line breaks in the (possibly gzipped) text: about its data lines, for a progress bar's total. */
    static long lineBreaks(Path file, String name) throws ImportException {
        try (InputStream in = open(file, name)) {
            byte[] buffer = new byte[1 << 16];
            long breaks = 0;
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                for (int i = 0; i < read; i++) {
                    if (buffer[i] == '\n') {
                        breaks++;
                    }
                }
            }
            return breaks;
        } catch (IOException e) {
            throw new ImportException(name + ": cannot read: " + e.getMessage());
        }
    }

    /** Whether the text has a record with a non-blank field after its first (the header), read in {@code format}. */
    static boolean hasDataLine(Path file, String name, Format format) throws ImportException {
        try (InputStream in = open(file, name);
             CsvReader<CsvRecord> csv = CsvReader.builder().fieldSeparator(format.delimiter())
                     .allowMissingFields(true).allowExtraFields(true)
                     .ofCsvRecord(new InputStreamReader(in, format.charset()))) {
            var records = csv.iterator();
            if (records.hasNext()) {
                records.next();
            }
            while (records.hasNext()) {
                if (records.next().getFields().stream().anyMatch(field -> !field.isBlank())) {
                    return true;
                }
            }
            return false;
        } catch (IOException | java.io.UncheckedIOException | de.siegmar.fastcsv.reader.CsvParseException e) {
            throw new ImportException(name + ": cannot read: " + e.getMessage());
        }
    }

    /** Whether the (possibly gzipped) text starts with the UTF-8 byte order mark. */
    static boolean hasBom(Path file, String name) throws ImportException {
        try (InputStream in = open(file, name)) {
            byte[] start = in.readNBytes(3);
            return start.length == 3 && (start[0] & 0xff) == 0xef && (start[1] & 0xff) == 0xbb
                    && (start[2] & 0xff) == 0xbf;
        } catch (IOException e) {
            throw new ImportException(name + ": cannot read: " + e.getMessage());
        }
    }

    /** Text values starting like a formula ({@code = + @}, tab, CR) would run in a spreadsheet export: refused. */
    static void after(String name, TransactionTable table) throws ImportException {
        for (int code = 0; code < table.productCount(); code++) {
            formula(name, "product_id", table.productId(code));
        }
        // Every line's description: any kept line's may become its product's.
        for (int code = 0; code < table.lineDescriptionCount(); code++) {
            formula(name, "description", table.lineDescriptionText(code));
        }
        for (int code = 0; code < table.customerCount(); code++) {
            formula(name, "customer_id", table.customerId(code));
        }
        for (int code = 0; code < table.invoiceCount(); code++) {
            formula(name, "invoice_id", table.invoiceId(code));
        }
        for (int code = 0; code < table.countryCount(); code++) {
            formula(name, "country", table.countryName(code));
        }
    }

    private static void formula(String name, String column, String value) throws ImportException {
        if (value != null && !value.isEmpty() && "=+@\t\r".indexOf(value.charAt(0)) >= 0) {
            throw new ImportException(name + ": column " + column + ": value \"" + value.substring(0,
                    Math.min(40, value.length())) + "\" starts like a spreadsheet formula; refused");
        }
    }
}
