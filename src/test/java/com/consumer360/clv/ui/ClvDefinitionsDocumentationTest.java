package com.consumer360.clv.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The CLV page's definitions panel says what docs/analytics-methods.md's clv-definitions block says, word for word. */
class ClvDefinitionsDocumentationTest {

    private static final String START = "<!-- clv-definitions:start";
    private static final String END = "<!-- clv-definitions:end";

    @Test
    void thePanelsParagraphsAreTheDocumentedOnes() throws IOException {
        List<String> doc = Files.readAllLines(Path.of("docs/analytics-methods.md"));
        int start = -1;
        int end = -1;
        for (int i = 0; i < doc.size(); i++) {
            if (doc.get(i).startsWith(START)) {
                start = i;
            } else if (doc.get(i).startsWith(END)) {
                end = i;
            }
        }
        assertThat(start).as("the documentation's clv-definitions block").isNotNegative().isLessThan(end);
        List<String> paragraphs = new ArrayList<>();
        StringBuilder paragraph = new StringBuilder();
        for (String line : doc.subList(start + 1, end)) {
            if (line.isBlank()) {
                if (!paragraph.isEmpty()) {
                    paragraphs.add(paragraph.toString());
                    paragraph.setLength(0);
                }
            } else {
                paragraph.append(paragraph.isEmpty() ? "" : " ").append(line.strip());
            }
        }
        if (!paragraph.isEmpty()) {
            paragraphs.add(paragraph.toString());
        }
        assertThat(paragraphs).containsExactlyElementsOf(ClvDefinitions.PARAGRAPHS);
    }
}
