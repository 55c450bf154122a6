package com.consumer360.admin.ui;

import com.consumer360.admin.UserAdminService;
import com.consumer360.admin.UserSummary;
import com.consumer360.security.Roles;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/** Users with their roles and the regions they may see. */
@Route("admin/users")
@PageTitle("Users · Consumer360")
@Menu(title = "Users", order = 90)
@RolesAllowed(Roles.ADMIN)
public class UsersView extends VerticalLayout {

    public UsersView(UserAdminService users) {
        addClassName("c360-page");
        Grid<UserSummary> grid = new Grid<>();
        grid.setId("users-grid");
        grid.addColumn(UserSummary::username).setHeader("User name");
        grid.addColumn(UserSummary::displayName).setHeader("Name");
        grid.addColumn(u -> String.join(", ", u.roles())).setHeader("Roles");
        grid.addColumn(u -> u.regions().isEmpty() ? "none (sees no customer data)" : String.join(", ", u.regions()))
                .setHeader("Regions");
        grid.addColumn(u -> u.enabled() ? "yes" : "no").setHeader("Enabled");
        grid.setItems(users.users());
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        add(new H2("Users"), new Paragraph("A user sees the customer-level data of the regions listed here, "
                + "enforced by row-level security in PostgreSQL."), grid);
    }
}
