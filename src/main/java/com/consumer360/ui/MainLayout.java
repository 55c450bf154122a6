package com.consumer360.ui;

import com.consumer360.security.AppUser;
import com.consumer360.security.Roles;
import com.consumer360.security.ViewAs;
import com.consumer360.warehouse.DataFreshness;
import com.consumer360.warehouse.SnapshotWatch;
import com.consumer360.warehouse.WarehouseStatusService;
import org.springframework.security.access.AccessDeniedException;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
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
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The shell of every signed-in page: navigation filtered by role, data freshness, user and sign-out. When another
 * snapshot becomes current while a page is open (a refresh on any node), the header says so and offers a reload.
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout implements AfterNavigationObserver {

    private static final DateTimeFormatter LOADED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final WarehouseStatusService status;
    private final SnapshotWatch watch;
    private final Span freshness = new Span();
    private final Span newData = new Span();
    /** The refresh time of the snapshot the page shows (null: none yet); set once the page has shown one. */
    private volatile OffsetDateTime shownRefreshedAt;
    private volatile boolean showing;
    private volatile boolean noticeShown;
    private Runnable stopWatching = () -> { };

    MainLayout(WarehouseStatusService status, SnapshotWatch watch, AuthenticationContext authentication) {
        this.status = status;
        this.watch = watch;
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
        newData.setId("new-data");
        newData.addClassName("c360-new-data");
        newData.setVisible(false);
        HorizontalLayout header = new HorizontalLayout(new DrawerToggle(), brand, freshness, newData, userName, signOut);
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
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        UI ui = attachEvent.getUI();
        stopWatching = watch.register(current -> {
            OffsetDateTime shown = shownRefreshedAt;
            if (!showing || noticeShown || (shown != null && shown.isEqual(current.refreshedAt()))) {
                return;
            }
            noticeShown = true;
            ui.access(() -> showNewer(current));
        });
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        stopWatching.run();
        super.onDetach(detachEvent);
    }

    /** Another snapshot is current than the one this page shows: say so, with a reload that shows it. */
    private void showNewer(SnapshotWatch.Current current) {
        OffsetDateTime shown = shownRefreshedAt;
        if (shown != null && shown.isEqual(current.refreshedAt())) {
            return; // the page was opened again meanwhile, with this snapshot
        }
        Button reload = new Button("Newer data: reload", e -> UI.getCurrent().getPage().reload());
        reload.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
        reload.setId("new-data-reload");
        String when = "as of " + current.asOf() + ", refreshed "
                + LOADED.format(current.refreshedAt().atZoneSameInstant(ZoneId.systemDefault()));
        newData.removeAll();
        newData.add(reload);
        reload.setTooltipText("A newer snapshot is current (" + when
                + "); this page shows the one it was opened with. Reload to see the newer one.");
        newData.setVisible(true);
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        PreviousPage.shown(event);
        freshness.removeAll();
        newData.removeAll();
        newData.setVisible(false);
        noticeShown = false;
        DataFreshness data;
        try {
            data = status.freshness();
        } catch (AccessDeniedException noRole) {
            showing = false;
            freshness.add(new Span("No role assigned: ask an administrator for access"));
            return;
        }
        shownRefreshedAt = data.refreshedAt();
        showing = true;
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
