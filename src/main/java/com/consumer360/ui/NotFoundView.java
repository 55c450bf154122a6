package com.consumer360.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.ParentLayout;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Shown for a mistyped or outdated address, inside the app frame so the navigation is one click away. Only signed-in
 * users get here: the security configuration sends anonymous requests to the sign-in page first.
 */
@ParentLayout(MainLayout.class)
@PageTitle("Page not found · Consumer360")
@PermitAll
public class NotFoundView extends Div implements HasErrorParameter<NotFoundException> {

    public NotFoundView() {
        setId("not-found");
        addClassName("c360-page");
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        removeAll();
        add(new H2("Page not found"),
                new Paragraph("There is no page at /" + event.getLocation().getPath()
                        + ". Pick a page in the navigation, or go to the start page."),
                new Anchor("", "Go to the start page"));
        return HttpServletResponse.SC_NOT_FOUND;
    }
}
