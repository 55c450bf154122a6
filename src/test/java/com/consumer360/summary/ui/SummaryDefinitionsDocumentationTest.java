package com.consumer360.summary.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.consumer360.support.DocumentedDefinitions;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The summary's definitions panel says what docs/analytics-methods.md says, word for word. */
class SummaryDefinitionsDocumentationTest {

    @Test
    void thePanelsParagraphsAreTheDocumentedOnes() throws IOException {
        assertThat(DocumentedDefinitions.paragraphs("summary-definitions"))
                .containsExactlyElementsOf(SummaryDefinitions.PARAGRAPHS);
    }
}
