package com.consumer360.cohorts.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.consumer360.support.DocumentedDefinitions;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The page's definitions panel says what docs/analytics-methods.md's cohort-definitions block says, word for word. */
class CohortDefinitionsDocumentationTest {

    @Test
    void thePanelsParagraphsAreTheDocumentedOnes() throws IOException {
        assertThat(DocumentedDefinitions.paragraphs("cohort-definitions"))
                .containsExactlyElementsOf(CohortDefinitions.PARAGRAPHS);
    }
}
