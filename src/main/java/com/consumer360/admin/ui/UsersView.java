package com.consumer360.admin.ui;

import com.consumer360.admin.UserAdminException;
import com.consumer360.admin.UserAdminService;
import com.consumer360.admin.UserChange;
import com.consumer360.admin.UserSummary;
import com.consumer360.security.Roles;
import com.consumer360.ui.Cards;
import com.consumer360.ui.PageHeader;
import com.consumer360.warehouse.RegionOption;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Users with their roles and regions, and what admins do with them: create, change roles and regions, disable or
 * enable, reset a password; the latest changes below. Every change goes through {@link UserAdminService}, which the
 * database checks again; a refused change shows its reason at the field it concerns (a line under the form when it
 * concerns none) and changes nothing.
 */
@Route("admin/users")
@PageTitle("Users · Consumer360")
@Menu(title = "Users", order = 90)
@RolesAllowed(Roles.ADMIN)
public class UsersView extends VerticalLayout {

    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final UserAdminService users;
    private final Grid<UserSummary> grid = new Grid<>();
    private final Grid<UserChange> changes = new Grid<>();

    public UsersView(UserAdminService users) {
        this.users = users;
        addClassName("c360-page");
        Button create = new Button("New user", e -> openEditor(null));
        create.setId("user-new");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        grid.setId("users-grid");
        grid.addColumn(UserSummary::username).setHeader("User name").setAutoWidth(true);
        grid.addColumn(UserSummary::displayName).setHeader("Name").setAutoWidth(true);
        grid.addColumn(u -> u.roles().stream().map(Roles::label).collect(Collectors.joining(", "))).setHeader("Roles")
                .setAutoWidth(true);
        grid.addColumn(u -> u.regions().isEmpty() ? "none (sees no customer data)" : String.join(", ", u.regions()))
                .setHeader("Regions").setFlexGrow(2).setWidth("10rem")
                .setTooltipGenerator(u -> String.join(", ", u.regions()));
        grid.addColumn(u -> u.enabled() ? "yes" : "no").setHeader("Enabled").setAutoWidth(true);
        grid.addComponentColumn(this::actions).setHeader("").setAutoWidth(true).setFlexGrow(0);
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT,
                GridVariant.LUMO_WRAP_CELL_CONTENT);
        changes.setId("user-changes-grid");
        changes.addColumn(c -> AT.format(c.at().atZoneSameInstant(ZoneId.systemDefault()))).setHeader("When")
                .setAutoWidth(true);
        changes.addColumn(UserChange::actor).setHeader("By").setAutoWidth(true);
        changes.addColumn(c -> ChangeWords.action(c.action())).setHeader("Change").setAutoWidth(true);
        changes.addColumn(UserChange::username).setHeader("User").setAutoWidth(true);
        Map<Short, String> regionNames = users.regions().stream()
                .collect(Collectors.toMap(RegionOption::id, RegionOption::name));
        changes.addColumn(c -> ChangeWords.detail(c.detail(), regionNames)).setHeader("Details").setFlexGrow(2);
        changes.addThemeVariants(GridVariant.LUMO_COMPACT);
        changes.setHeight("16rem");
        add(PageHeader.of("Users", new Paragraph("A user sees the customer-level data of the regions listed here, "
                        + "enforced by row-level security in PostgreSQL. Changes apply at the user's next request."),
                create), grid, changesCard());
        reload();
    }

    /** The latest changes, as wide as the page (a card sized to its grid, which has no width of its own, was 130 px). */
    private Div changesCard() {
        Div card = Cards.card("Latest changes", changes);
        card.setWidthFull();
        return card;
    }

    private void reload() {
        grid.setItems(users.users());
        changes.setItems(users.changes(50));
    }

    private HorizontalLayout actions(UserSummary user) {
        Button access = new Button("Roles & regions", e -> openEditor(user));
        access.setId("user-edit-" + user.username());
        Button password = new Button("Reset password", e -> openPassword(user));
        password.setId("user-password-" + user.username());
        Button toggle = new Button(user.enabled() ? "Disable" : "Enable", e -> {
            try {
                users.setEnabled(user.username(), !user.enabled());
                reload();
            } catch (UserAdminException refused) {
                Span error = new Span(refused.getMessage());
                error.addClassName("c360-warning");
                Dialog dialog = new Dialog(error);
                dialog.setHeaderTitle("Not changed");
                dialog.getFooter().add(new Button("Close", c -> dialog.close()));
                dialog.open();
            }
        });
        toggle.setId("user-toggle-" + user.username());
        for (Button button : List.of(access, password, toggle)) {
            button.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        }
        return new HorizontalLayout(access, password, toggle);
    }

    /** A new user when {@code user} is null, else that user's roles and regions. */
    private void openEditor(UserSummary user) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(user == null ? "New user" : "Roles and regions of " + user.username());
        TextField username = new TextField("User name");
        username.setId("user-form-username");
        username.setHelperText("2–64 lower-case letters, digits, . _ -");
        TextField displayName = new TextField("Name");
        displayName.setId("user-form-name");
        PasswordField password = new PasswordField("Password");
        password.setId("user-form-password");
        password.setHelperText("At least " + UserAdminService.MIN_PASSWORD_LENGTH + " characters");
        CheckboxGroup<String> roles = new CheckboxGroup<>("Roles");
        roles.setId("user-form-roles");
        roles.setItems(users.roles());
        roles.setItemLabelGenerator(Roles::label);
        CheckboxGroup<RegionOption> regions = new CheckboxGroup<>("Regions");
        regions.setId("user-form-regions");
        List<RegionOption> allRegions = users.regions();
        regions.setItems(allRegions);
        regions.setItemLabelGenerator(RegionOption::name);
        Span error = new Span();
        error.setId("user-form-error");
        error.addClassName("c360-warning");
        error.setVisible(false);
        Map<UserAdminException.Field, HasValidation> fields = Map.of(UserAdminException.Field.USERNAME, username,
                UserAdminException.Field.DISPLAY_NAME, displayName, UserAdminException.Field.PASSWORD, password,
                UserAdminException.Field.ROLES, roles, UserAdminException.Field.REGIONS, regions);
        checkedOnSave(username);
        checkedOnSave(displayName);
        checkedOnSave(password);
        checkedOnSave(roles);
        checkedOnSave(regions);
        FormLayout form = new FormLayout();
        if (user == null) {
            form.add(username, displayName, password);
        } else {
            roles.setValue(new HashSet<>(user.roles()));
            regions.setValue(allRegions.stream().filter(r -> user.regions().contains(r.name()))
                    .collect(Collectors.toSet()));
        }
        form.add(roles, regions);
        // Default deny: a user without a region sees no customer data. Allowed, but said before saving.
        Runnable noRegionHint = () -> regions.setHelperText(regions.getValue().isEmpty()
                && roles.getValue().stream().anyMatch(role -> !Roles.ADMIN.equals(role))
                ? "No region chosen: this user will see no customer data." : null);
        roles.addValueChangeListener(e -> noRegionHint.run());
        regions.addValueChangeListener(e -> noRegionHint.run());
        noRegionHint.run();
        dialog.add(form, error);
        Button save = new Button("Save", e -> {
            Set<Short> regionIds = regions.getValue().stream().map(RegionOption::id).collect(Collectors.toSet());
            fields.values().forEach(field -> field.setInvalid(false));
            error.setVisible(false);
            List<UserFormChecks.Problem> problems = UserFormChecks.check(user == null, username.getValue().trim(),
                    displayName.getValue(), password.getValue(), roles.getValue());
            if (!problems.isEmpty()) {
                problems.forEach(problem -> show(problem, fields, error));
                return;
            }
            try {
                if (user == null) {
                    users.createUser(username.getValue().trim(), displayName.getValue(), password.getValue(),
                            roles.getValue(), regionIds);
                } else {
                    users.setAccess(user.username(), roles.getValue(), regionIds);
                }
                dialog.close();
                reload();
            } catch (UserAdminException refused) {
                show(UserFormChecks.words(refused), fields, error);
            }
        });
        save.setId("user-form-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        dialog.open();
    }

    /** A problem at the field it concerns; one concerning no field of the dialog under the form. */
    private static void show(UserFormChecks.Problem problem, Map<UserAdminException.Field, HasValidation> fields,
                             Span error) {
        HasValidation field = fields.get(problem.field());
        if (field == null) {
            error.setText(problem.words());
            error.setVisible(true);
        } else {
            field.setErrorMessage(problem.words());
            field.setInvalid(true);
        }
    }

    /**
     * The dialog's fields say only what the save found (their own checks would clear it on leaving the field); a
     * field's message goes when its value changes.
     */
    private static <F extends HasValidation & com.vaadin.flow.component.HasValue<?, ?>> void checkedOnSave(F field) {
        field.setManualValidation(true);
        field.addValueChangeListener(e -> field.setInvalid(false));
    }

    private void openPassword(UserSummary user) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("New password for " + user.username());
        PasswordField password = new PasswordField("New password");
        password.setId("user-form-new-password");
        password.setHelperText("At least " + UserAdminService.MIN_PASSWORD_LENGTH + " characters");
        checkedOnSave(password);
        Span error = new Span();
        error.addClassName("c360-warning");
        error.setVisible(false);
        dialog.add(password, error);
        Button save = new Button("Set password", e -> {
            password.setInvalid(false);
            error.setVisible(false);
            try {
                users.resetPassword(user.username(), password.getValue());
                dialog.close();
                reload();
            } catch (UserAdminException refused) {
                show(UserFormChecks.words(refused), Map.of(UserAdminException.Field.PASSWORD, password), error);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        dialog.open();
    }
}
