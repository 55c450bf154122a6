package com.consumer360.clv.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.consumer360.support.DocumentedDefinitions;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The page's definitions panel says what docs/analytics-methods.md's clv-definitions block says, word for word. */
class ClvDefinitionsDocumentationTest {

    @Test
    void thePanelsParagraphsAreTheDocumentedOnes() throws IOException {
        assertThat(DocumentedDefinitions.paragraphs("clv-definitions"))
                .containsExactlyElementsOf(ClvDefinitions.PARAGRAPHS);
    }
}
