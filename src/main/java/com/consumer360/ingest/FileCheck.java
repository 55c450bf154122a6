package com.consumer360.ingest;

import com.consumer360.analytics.TransactionTable;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Checks a file before the batch reader parses it, for what that reader forgives: size, binary content, bytes that are
 * not UTF-8 (the reader would replace them silently), a header naming a column twice; and after reading, values that a
 * spreadsheet would run as formulas.
 */
final class FileCheck {

    private static final int ZIP_MAGIC = 0x504b0304;

    private FileCheck() {
    }

    static void before(Path file, String name, long maxBytes) throws ImportException {
        try {
            long size = Files.size(file);
            if (maxBytes > 0 && size > maxBytes) {
                throw new ImportException(name + ": " + size + " bytes, more than the import limit of " + maxBytes
                        + " bytes (consumer360.import.max-bytes)");
            }
            if (size == 0) {
                throw new ImportException(name + ": line 1: empty file, expected a header line");
            }
            scan(file, name);
        } catch (IOException e) {
            throw new ImportException(name + ": cannot read: " + e.getMessage());
        }
    }

    private static void scan(Path file, String name) throws IOException, ImportException {
        try (InputStream in = open(file, name)) {
            CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
            CharBuffer chars = CharBuffer.allocate(1 << 16);
            long line = 1;
            StringBuilder header = new StringBuilder();
            boolean inHeader = true;
            int read;
            while ((read = in.read(bytes.array(), bytes.position(), bytes.remaining())) >= 0 || bytes.position() > 0) {
                boolean end = read < 0;
                if (read > 0) {
                    bytes.position(bytes.position() + read);
                }
                bytes.flip();
                CoderResult result = utf8.decode(bytes, chars, end);
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
                            checkHeader(name, header.toString());
                        }
                        line++;
                    } else if (inHeader && header.length() < 10_000) {
                        header.append(c);
                    }
                }
                chars.clear();
                if (result.isError()) {
                    throw new ImportException(name + ": line " + line + ": not valid UTF-8 text (byte 0x"
                            + Integer.toHexString(bytes.get(bytes.position()) & 0xff) + "); save the file as UTF-8");
                }
                bytes.compact();
                if (end) {
                    break;
                }
            }
            if (inHeader) {
                checkHeader(name, header.toString());
            }
        } catch (CharacterCodingException e) {
            throw new ImportException(name + ": not valid UTF-8 text: " + e.getMessage());
        }
    }

    /** A column named twice would be read from its first place only, silently: refused instead. */
    private static void checkHeader(String name, String header) throws ImportException {
        Map<String, Integer> seen = new HashMap<>();
        String[] columns = header.replace("\uFEFF", "").split(",", -1);
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
    }

    private static String normalise(String column) {
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
        if (magic.length == 4 && ByteBuffer.wrap(magic).getInt() == ZIP_MAGIC) {
            in.close();
            throw new ImportException(name + ": a ZIP or XLSX file; the import reads CSV files (plain or gzipped): "
                    + "save the sheet as CSV UTF-8");
        }
        return in;
    }

    /** Text values starting like a formula ({@code = + @}, tab, CR) would run in a spreadsheet export: refused. */
    static void after(String name, TransactionTable table) throws ImportException {
        for (int code = 0; code < table.productCount(); code++) {
            formula(name, "product_id", table.productId(code));
            formula(name, "description", table.productDescription(code));
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
