package com.consumer360.ingest;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * How a CSV file is read, as detected after upload or chosen by the admin: its encoding and its field delimiter.
 * UTF-8 with a BOM reads as UTF-8 (the BOM is skipped); Windows-1252 covers Latin-1's printable characters.
 */
public record FileFormat(Encoding encoding, Delimiter delimiter) {

    public enum Encoding {
        UTF_8("UTF-8"), UTF_8_BOM("UTF-8 with BOM"), WINDOWS_1252("Windows-1252");

        private final String label;

        Encoding(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        Charset charset() {
            return this == WINDOWS_1252 ? FileCheck.WINDOWS_1252 : StandardCharsets.UTF_8;
        }
    }

    public enum Delimiter {
        COMMA(',', "comma ( , )"), SEMICOLON(';', "semicolon ( ; )"), TAB('\t', "tab");

        private final char character;
        private final String label;

        Delimiter(char character, String label) {
            this.character = character;
            this.label = label;
        }

        public String label() {
            return label;
        }

        char character() {
            return character;
        }

        static Delimiter of(char c) {
            return c == ';' ? SEMICOLON : c == '\t' ? TAB : COMMA;
        }
    }

    public FileFormat {
        java.util.Objects.requireNonNull(encoding, "encoding");
        java.util.Objects.requireNonNull(delimiter, "delimiter");
    }

    /** The reader's format; a chosen UTF-8 refuses bytes that are not UTF-8. */
    FileCheck.Format check() {
        return new FileCheck.Format(encoding.charset(), delimiter.character());
    }

    static FileFormat of(FileCheck.Format format, boolean bom) {
        Encoding encoding = format.charset().equals(StandardCharsets.UTF_8) ? bom ? Encoding.UTF_8_BOM : Encoding.UTF_8
                : Encoding.WINDOWS_1252;
        return new FileFormat(encoding, Delimiter.of(format.delimiter()));
    }

    public String describe() {
        return encoding.label() + ", " + delimiter.name().toLowerCase(java.util.Locale.ROOT) + " separated";
    }
}
