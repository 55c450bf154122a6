package com.consumer360.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;

/** A page's title and one-line summary on the left, its controls on the right, wrapping on narrow screens. */
public final class PageHeader {

    private PageHeader() {
    }

    public static Div of(String title, Paragraph summary, Component... controls) {
        Div heading = new Div(new H2(title), summary);
        heading.addClassName("c360-page-heading");
        Div tools = new Div(controls);
        tools.addClassName("c360-toolbar");
        Div header = new Div(heading, tools);
        header.addClassName("c360-page-header");
        header.setWidthFull();
        return header;
    }

    /** Two controls that belong together (a range's start and end): they wrap to the next line as one. */
    public static Div pair(Component first, Component second) {
        Div pair = new Div(first, second);
        pair.addClassName("c360-control-pair");
        return pair;
    }
}
