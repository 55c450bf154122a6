package com.consumer360.rfm.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.consumer360.analytics.rfm.Segment;
import com.consumer360.analytics.rfm.SegmentMap;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import com.consumer360.support.DocumentedDefinitions;
import org.junit.jupiter.api.Test;

/**
 * The definitions panel of the RFM pages says what docs/analytics-methods.md says, word for word: its
 * paragraphs, the segment map version and each segment's cells.
 */
class DefinitionsDocumentationTest {

    private static final String START = "<!-- definitions-panel:start";
    private static final String END = "<!-- definitions-panel:end";

    @Test
    void thePanelsParagraphsAreTheDocumentedOnes() throws IOException {
        assertThat(DocumentedDefinitions.paragraphs("definitions-panel")).containsExactlyElementsOf(Definitions.PARAGRAPHS);
    }

    @Test
    void theDocumentedSegmentCellsAndVersionAreThePanelsOnes() throws IOException {
        List<String> rows = block().stream().filter(line -> line.startsWith("| ") && !line.startsWith("| Segment")
                && !line.startsWith("| ---")).toList();
        List<String> expected = Arrays.stream(Segment.values())
                .map(s -> "| " + s.label() + " | " + SegmentRanges.of(s) + " |").toList();
        assertThat(rows).containsExactlyElementsOf(expected);
        assertThat(String.join("\n", block())).contains("`" + SegmentMap.VERSION + "`");
    }

    private static List<String> block() throws IOException {
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
        assertThat(start).as("the documentation's definitions-panel block").isNotNegative().isLessThan(end);
        return doc.subList(start + 1, end);
    }
}
