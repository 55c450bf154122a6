package com.consumer360.ui;

import com.consumer360.security.AppUser;
import com.consumer360.security.Roles;
import com.consumer360.security.ViewAs;
import com.consumer360.warehouse.DataFreshness;
import com.consumer360.warehouse.WarehouseStatusService;
import org.springframework.security.access.AccessDeniedException;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** The shell of every signed-in page: navigation filtered by role, data freshness, user and sign-out. */
@Layout
@PermitAll
public class MainLayout extends AppLayout implements AfterNavigationObserver {

    private static final DateTimeFormatter LOADED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final WarehouseStatusService status;
    private final Span freshness = new Span();

    MainLayout(WarehouseStatusService status, AuthenticationContext authentication) {
        this.status = status;
        Span brand = new Span("Consumer360");
        brand.addClassName("c360-brand");
        freshness.addClassName("c360-freshness");
        freshness.setId("data-as-of");
        String user = authentication.getAuthenticatedUser(AppUser.class)
                .map(u -> u.displayName() + " (" + u.roles().stream().map(Roles::label).sorted()
                        .collect(java.util.stream.Collectors.joining(", ")) + ")").orElse("");
        Button signOut = new Button("Sign out", e -> authentication.logout());
        signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        signOut.setId("sign-out");
        Span userName = new Span(user);
        userName.addClassName("c360-user");
        HorizontalLayout header = new HorizontalLayout(new DrawerToggle(), brand, freshness, userName, signOut);
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        header.expand(freshness);
        header.setWidthFull();
        header.addClassName("c360-header");
        addToNavbar(header);
        ViewAs.admin().ifPresent(admin -> addToNavbar(viewAsBanner(authentication, admin)));
        addToDrawer(navigation());
        setPrimarySection(Section.DRAWER);
    }

    /** While an admin views the portal as another user: who, and the way back (a full page load, not a route). */
    private static Div viewAsBanner(AuthenticationContext authentication, String admin) {
        String viewed = authentication.getPrincipalName().orElse("");
        Anchor exit = new Anchor(ViewAs.EXIT, "Exit view as");
        exit.setRouterIgnore(true);
        exit.setId("view-as-exit");
        Div banner = new Div(new Span("Viewing as " + viewed), new Span(" (signed in as " + admin + ")"), exit);
        banner.setId("view-as-banner");
        banner.addClassName("c360-view-as");
        return banner;
    }

    private static SideNav navigation() {
        SideNav nav = new SideNav();
        // Only the views the signed-in user's roles may open (Vaadin checks each view's access annotation).
        MenuConfiguration.getMenuEntries().forEach(entry -> nav.addItem(new SideNavItem(entry.title(), entry.path())));
        return nav;
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        PreviousPage.shown(event);
        freshness.removeAll();
        DataFreshness data;
        try {
            data = status.freshness();
        } catch (AccessDeniedException noRole) {
            freshness.add(new Span("No role assigned: ask an administrator for access"));
            return;
        }
        if (data.snapshotAsOf() != null) {
            freshness.add(new Span("Data as of " + data.snapshotAsOf() + " · refreshed "
                    + LOADED.format(data.refreshedAt().atZoneSameInstant(ZoneId.systemDefault()))));
        } else if (data.latestSale() != null) {
            freshness.add(new Span("Sales up to " + data.latestSale() + " · analytics not refreshed yet"));
        } else {
            freshness.add(new Span("No data in your regions yet"));
        }
        if (data.lastRunFailed()) {
            Span warning = new Span("Last refresh failed "
                    + LOADED.format(data.lastFailureAt().atZoneSameInstant(ZoneId.systemDefault()))
                    + ": showing the previous snapshot");
            warning.addClassName("c360-warning");
            warning.setId("refresh-failed");
            freshness.add(warning);
        }
    }
}
