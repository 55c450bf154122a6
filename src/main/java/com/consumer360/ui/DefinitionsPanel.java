package com.consumer360.ui;

import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import java.util.List;

/**
 * The collapsed "Definitions" panel a page shows one click away: its paragraphs are the text of a block of
 * docs/analytics-methods.md, word for word (each view's definitions test compares them), followed by where the full
 * text with its sources is.
 */
public final class DefinitionsPanel {

    private DefinitionsPanel() {
    }

    /** A panel with element id {@code id}, summary {@code title} and the given paragraphs in order. */
    public static Details of(String id, String title, List<String> paragraphs, String docsSection) {
        Div content = new Div();
        paragraphs.forEach(text -> content.add(new Paragraph(text)));
        content.add(Cards.muted("The same text, with the sources: docs/analytics-methods.md, " + docsSection + "."));
        content.addClassName("c360-definitions");
        Details details = new Details(title, content);
        details.setId(id);
        return details;
    }
}
