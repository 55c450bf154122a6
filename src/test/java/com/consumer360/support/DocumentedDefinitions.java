package com.consumer360.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The paragraphs of a marked block of docs/analytics-methods.md ({@code <!-- name:start ... -->} to
 * {@code <!-- name:end -->}), joined per paragraph as a definitions panel shows them (Markdown tables end a paragraph
 * and are not text; code quotes are dropped): what each page's definitions test compares with the panel's text, word
 * for word.
 */
public final class DocumentedDefinitions {

    private DocumentedDefinitions() {
    }

    public static List<String> paragraphs(String name) throws IOException {
        return paragraphs(Path.of("docs/analytics-methods.md"), name);
    }

    /** The same, from another Markdown file of docs/. */
    public static List<String> paragraphs(Path file, String name) throws IOException {
        List<String> doc = Files.readAllLines(file);
        int start = -1;
        int end = -1;
        for (int i = 0; i < doc.size(); i++) {
            if (doc.get(i).startsWith("<!-- " + name + ":start")) {
                start = i;
            } else if (doc.get(i).startsWith("<!-- " + name + ":end")) {
                end = i;
            }
        }
        if (start < 0 || end < start) {
            throw new AssertionError("no block " + name + " in " + file);
        }
        List<String> paragraphs = new ArrayList<>();
        StringBuilder paragraph = new StringBuilder();
        for (String line : doc.subList(start + 1, end)) {
            if (line.isBlank() || line.startsWith("|")) {
                if (!paragraph.isEmpty()) {
                    paragraphs.add(paragraph.toString());
                    paragraph.setLength(0);
                }
            } else {
                paragraph.append(paragraph.isEmpty() ? "" : " ").append(line.strip().replace("`", ""));
            }
        }
        if (!paragraph.isEmpty()) {
            paragraphs.add(paragraph.toString());
        }
        return paragraphs;
    }
}
