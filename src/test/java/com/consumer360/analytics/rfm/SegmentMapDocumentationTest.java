package com.consumer360.analytics.rfm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The segment map table in docs/analytics-methods.md is the one the code uses, cell by cell. */
class SegmentMapDocumentationTest {

    @Test
    void documentedGridEqualsTheSegmentMap() throws IOException {
        List<String> doc = Files.readAllLines(Path.of("docs/analytics-methods.md"));
        int start = indexOfLineStartingWith(doc, "<!-- segment-map:start");
        List<String> rows = doc.subList(start + 3, start + 8); // after the header and separator lines

        for (String row : rows) {
            String[] cells = Arrays.stream(row.split("\\|")).map(String::strip).filter(c -> !c.isEmpty())
                    .toArray(String[]::new);
            int r = Integer.parseInt(cells[0]);
            for (int column = 1; column <= 9; column++) {
                int fPlusM = column + 1;
                // any (F, M) with this sum; the map depends on the sum only (SegmentMapTest)
                int f = Math.min(5, fPlusM - 1);
                Segment segment = SegmentMap.segmentOf(r, f, fPlusM - f);
                assertThat(cells[column]).as("R = %d, F + M = %d", r, fPlusM).isEqualTo(segment.label());
            }
        }
        assertThat(doc.get(start + 8)).startsWith("<!-- segment-map:end");
        assertThat(String.join("\n", doc)).contains(SegmentMap.VERSION);
    }

    private static int indexOfLineStartingWith(List<String> lines, String prefix) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i;
            }
        }
        throw new AssertionError("no line starting with " + prefix);
    }
}
