package com.consumer360.audit.ui;

import com.consumer360.audit.AuditAction;
import com.consumer360.audit.AuditEvent;
import com.consumer360.audit.AuditFilter;
import com.consumer360.audit.AuditService;
import com.consumer360.security.Roles;
import com.consumer360.ui.DateFields;
import com.consumer360.ui.ExportLinks;
import com.consumer360.ui.PageHeader;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The audit trail for admins: who did what and when, filtered by user, action and period, exportable. */
@Route("admin/audit")
@PageTitle("Audit trail · Consumer360")
@Menu(title = "Audit trail", order = 95)
@RolesAllowed(Roles.ADMIN)
public class AuditView extends VerticalLayout {

    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final AuditService audit;
    private final TextField user = new TextField("User");
    private final ComboBox<String> action = new ComboBox<>("Action");
    private final DatePicker from = DateFields.iso("From (UTC)");
    private final DatePicker to = DateFields.iso("To (UTC)");
    private final Grid<AuditEvent> grid = new Grid<>();
    private final ExportLinks export = new ExportLinks("audit-export");

    public AuditView(AuditService audit) {
        this.audit = audit;
        addClassName("c360-page");
        user.setId("audit-user");
        user.setClearButtonVisible(true);
        user.setValueChangeMode(ValueChangeMode.LAZY);
        action.setId("audit-action");
        action.setItems(audit.actions());
        action.setItemLabelGenerator(AuditAction::label);
        action.setClearButtonVisible(true);
        from.setId("audit-from");
        to.setId("audit-to");
        user.addValueChangeListener(e -> refresh());
        action.addValueChangeListener(e -> refresh());
        from.addValueChangeListener(e -> refresh());
        to.addValueChangeListener(e -> refresh());

        grid.setId("audit-grid");
        grid.addColumn(e -> AT.format(e.occurredAt().atZoneSameInstant(ZoneOffset.UTC))).setHeader("When (UTC)")
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AuditEvent::username).setHeader("User").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(e -> e.viewedAs() == null ? "" : e.viewedAs()).setHeader("Viewing as").setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(e -> AuditAction.label(e.action())).setHeader("Action").setWidth("11rem").setFlexGrow(0);
        grid.addColumn(AuditEvent::detail).setHeader("Detail").setFlexGrow(1);
        grid.addColumn(e -> e.rowCount() == null ? "" : String.valueOf(e.rowCount())).setHeader("Rows")
                .setAutoWidth(true).setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setHeight("60vh");

        add(PageHeader.of("Audit trail", new Paragraph("Sign-ins (and failed ones), pages opened with their parameters,"
                + " exports with their row counts, view-as, refresh runs and user changes. The trail is append-only:"
                + " the application can add entries but never change or delete them."), user, action, from, to),
                export, grid);
        refresh();
    }

    private void refresh() {
        AuditFilter filter = new AuditFilter(user.getValue(), action.getValue(), from.getValue(), to.getValue());
        grid.setItems(query -> audit.events(filter, query.getOffset(), query.getLimit()).stream(),
                query -> audit.count(filter));
        export.set("audit-trail", (format, out) -> audit.export(filter, format, out));
    }
}
