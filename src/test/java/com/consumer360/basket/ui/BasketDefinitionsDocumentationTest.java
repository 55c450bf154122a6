package com.consumer360.basket.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.consumer360.support.DocumentedDefinitions;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The page's definitions panel says what docs/analytics-methods.md's basket-definitions block says, word for word. */
class BasketDefinitionsDocumentationTest {

    @Test
    void thePanelsParagraphsAreTheDocumentedOnes() throws IOException {
        assertThat(DocumentedDefinitions.paragraphs("basket-definitions"))
                .containsExactlyElementsOf(BasketDefinitions.PARAGRAPHS);
    }
}
