package com.consumer360.audit;

import com.consumer360.export.ExportColumn;
import com.consumer360.export.ExportFormat;
import com.consumer360.export.ExportTable;
import com.consumer360.security.Roles;
import java.io.OutputStream;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** The audit trail for admins: filtered pages for the lazy grid, the actions to filter by, and exports. */
@Service
@PreAuthorize(Roles.ADMIN_ONLY)
public class AuditService {

    private final AuditQueries queries;

    AuditService(AuditQueries queries) {
        this.queries = queries;
    }

    /** Entries matching the filter, newest first. */
    public List<AuditEvent> events(AuditFilter filter, int offset, int limit) {
        return queries.page(filter, offset, limit);
    }

    public int count(AuditFilter filter) {
        return queries.count(filter);
    }

    /** The actions present in the trail, for the filter's choices. */
    public List<String> actions() {
        return queries.actions();
    }

    /** All entries matching the filter as CSV or XLSX. */
    public void export(AuditFilter filter, ExportFormat format, OutputStream out) {
        format.write(new ExportTable("Audit trail", List.of(ExportColumn.integer("id"), ExportColumn.text("occurred_at"),
                ExportColumn.text("username"), ExportColumn.text("viewed_as"), ExportColumn.text("action"),
                ExportColumn.text("detail"), ExportColumn.integer("rows")),
                sink -> queries.stream(filter, e -> sink.row(e.id(), e.occurredAt().toString(), e.username(),
                        e.viewedAs(), e.action(), e.detail(), e.rowCount()))), out);
    }
}
