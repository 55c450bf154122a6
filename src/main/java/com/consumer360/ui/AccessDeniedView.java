package com.consumer360.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.ParentLayout;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;

/** Shown instead of a view the signed-in user's role may not open; it never renders the view or its data. */
@ParentLayout(MainLayout.class)
@PageTitle("Access denied · Consumer360")
@PermitAll
public class AccessDeniedView extends Div implements HasErrorParameter<AccessDeniedException> {

    public AccessDeniedView() {
        setId("access-denied");
        addClassName("c360-page");
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
        removeAll();
        add(new H2("Access denied"),
                new Paragraph("Your role may not open this page. Ask an administrator if you need access."));
        return HttpServletResponse.SC_FORBIDDEN;
    }
}
