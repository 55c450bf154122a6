package com.consumer360.ui;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.PageTitle;
import java.util.Optional;
import org.springframework.core.annotation.AnnotationUtils;

/**
 * The page the user was on before the current navigation in this browser tab, for a "back" link that goes where the
 * user came from (the customer page is opened from a dozen lists). {@link MainLayout} notes every page once it is
 * shown; a view reads, while it is being entered, the page noted last: the one being left. Only locations of the
 * portal's own navigation are noted, so the link cannot lead outside it.
 */
public record PreviousPage(String location, String title) {

    private static final String SUFFIX = " · Consumer360";

    /** Notes the page just shown (its location with the query, and its title without the portal's name). */
    static void shown(AfterNavigationEvent event) {
        UI ui = UI.getCurrent();
        if (ui == null || event.getActiveChain().isEmpty()) {
            return;
        }
        HasElement target = event.getActiveChain().getFirst();
        // The views are Spring beans, some of them proxied (a subclass): the annotation is on the superclass.
        PageTitle title = AnnotationUtils.findAnnotation(target.getClass(), PageTitle.class);
        if (title == null) {
            return;
        }
        String name = title.value().endsWith(SUFFIX)
                ? title.value().substring(0, title.value().length() - SUFFIX.length()) : title.value();
        ComponentUtil.setData(ui, PreviousPage.class,
                new PreviousPage(event.getLocation().getPathWithQueryParameters(), name));
    }

    /** The page being left, while a view is entered; empty for the first page of a tab (or after a reload). */
    public static Optional<PreviousPage> of(UI ui) {
        return Optional.ofNullable(ComponentUtil.getData(ui, PreviousPage.class));
    }

    /**
     * A link back to the page the user came from, "← its title", unless that was a page of the same route ({@code
     * sameRoute} of its location) or there was none: then to {@code fallbackLocation} under {@code fallbackTitle}.
     */
    public static Anchor backLink(UI ui, java.util.function.Predicate<String> sameRoute, String fallbackLocation,
                                  String fallbackTitle) {
        PreviousPage back = of(ui).filter(p -> !sameRoute.test(p.location()))
                .orElse(new PreviousPage(fallbackLocation, fallbackTitle));
        Anchor link = new Anchor(back.location(), "← " + back.title());
        link.setId("back-link");
        return link;
    }
}
