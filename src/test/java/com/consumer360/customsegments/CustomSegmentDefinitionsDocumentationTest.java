package com.consumer360.customsegments;

import static org.assertj.core.api.Assertions.assertThat;

import com.consumer360.customsegments.ui.CustomSegmentDefinitions;
import com.consumer360.support.DocumentedDefinitions;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The custom segment pages' definitions panels say what the documentation says, word for word. */
class CustomSegmentDefinitionsDocumentationTest {

    @Test
    void theProfilePanelIsTheDocumentedBlock() throws IOException {
        assertThat(DocumentedDefinitions.paragraphs("custom-segment-profile"))
                .containsExactlyElementsOf(CustomSegmentDefinitions.PROFILE);
    }

    @Test
    void theBuilderPanelIsTheDocumentedBlock() throws IOException {
        assertThat(DocumentedDefinitions.paragraphs("custom-segment-builder"))
                .containsExactlyElementsOf(CustomSegmentDefinitions.BUILDER);
    }

    @Test
    void theComparePanelIsTheDocumentedBlock() throws IOException {
        assertThat(DocumentedDefinitions.paragraphs("custom-segment-compare"))
                .containsExactlyElementsOf(CustomSegmentDefinitions.COMPARE);
    }
}
