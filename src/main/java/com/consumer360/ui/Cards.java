package com.consumer360.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;

/** Small building blocks of the RFM pages: titled cards, labelled figures, muted notes. */
public final class Cards {

    private Cards() {
    }

    public static Div card(String title, Component... content) {
        Div card = new Div(new H3(title));
        card.add(content);
        card.addClassName("c360-card");
        return card;
    }

    public static Div figure(String label, String value, String id) {
        Span name = new Span(label);
        name.addClassName("c360-figure-label");
        Span number = new Span(value);
        number.addClassName("c360-figure-value");
        if (id != null) {
            number.setId(id);
        }
        Div figure = new Div(name, number);
        figure.addClassName("c360-figure");
        return figure;
    }

    public static Paragraph muted(String text) {
        Paragraph paragraph = new Paragraph(text);
        paragraph.addClassName("c360-muted");
        return paragraph;
    }
}
