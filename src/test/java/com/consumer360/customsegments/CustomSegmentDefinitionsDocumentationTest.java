package com.consumer360.customsegments;

import static org.assertj.core.api.Assertions.assertThat;

import com.consumer360.customsegments.ui.CustomSegmentDefinitions;
import com.consumer360.support.DocumentedDefinitions;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The custom segment pages' definitions panels say what the documentation says, word for word. */
class CustomSegmentDefinitionsDocumentationTest {

    private static final Path DOC = Path.of("docs/custom-segments-definitions.md");

    @Test
    void theProfilePanelIsTheDocumentedBlock() throws IOException {
        assertThat(DocumentedDefinitions.paragraphs(DOC, "custom-segment-profile"))
                .containsExactlyElementsOf(CustomSegmentDefinitions.PROFILE);
    }

    @Test
    void theComparePanelIsTheDocumentedBlock() throws IOException {
        assertThat(DocumentedDefinitions.paragraphs(DOC, "custom-segment-compare"))
                .containsExactlyElementsOf(CustomSegmentDefinitions.COMPARE);
    }
}
