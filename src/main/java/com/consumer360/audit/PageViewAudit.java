package com.consumer360.audit;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.springframework.stereotype.Component;

/** Records every completed navigation (once, also when it ends on the access-denied page) to a page, with its path, route parameters and query string. */
@Component
class PageViewAudit implements VaadinServiceInitListener {

    private final AuditTrail trail;

    PageViewAudit(AuditTrail trail) {
        this.trail = trail;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> init.getUI().addAfterNavigationListener(navigated -> {
            String path = navigated.getLocation().getPathWithQueryParameters();
            if (!path.startsWith("login")) {
                trail.record(AuditAction.PAGE_VIEW, "/" + path);
            }
        }));
    }
}
