package com.consumer360.ui;

import com.consumer360.export.ExportFormat;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.server.VaadinServlet;
import com.vaadin.flow.server.streams.DownloadHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import org.springframework.context.ApplicationContext;
import org.springframework.web.context.support.WebApplicationContextUtils;

/**
 * "Export CSV" and "Export XLSX" download links for one table. The page passes a writer that calls its scoped
 * service with the chosen format, so both files hold exactly the rows the service lets the user see.
 * Element ids: {@code id} for the CSV link, {@code id-xlsx} for the XLSX link.
 *
 * <pre>{@code
 * ExportLinks export = new ExportLinks("segments-export");
 * export.set("rfm-segments-" + asOf, (format, out) -> rfm.exportSegments(filter, format, out));
 * }</pre>
 */
public class ExportLinks extends Div {

    /** Writes the table in the given format to the download's stream (the links close it). */
    @FunctionalInterface
    public interface Writer extends Serializable {
        void write(ExportFormat format, OutputStream out) throws IOException;
    }

    private final Anchor csv = new Anchor();
    private final Anchor xlsx = new Anchor();

    public ExportLinks(String id) {
        addClassName("c360-export-links");
        csv.setId(id);
        csv.setText("Export CSV");
        xlsx.setId(id + "-xlsx");
        xlsx.setText("Export XLSX");
        for (Anchor link : new Anchor[] {csv, xlsx}) {
            link.addClassName("c360-export");
            add(link);
        }
    }

    /** Points both links at the table; {@code baseName} is the file name without extension. */
    public void set(String baseName, Writer writer) {
        csv.setHref(download(ExportFormat.CSV, baseName, writer), AttachmentType.DOWNLOAD);
        xlsx.setHref(download(ExportFormat.XLSX, baseName, writer), AttachmentType.DOWNLOAD);
    }

    private static DownloadHandler download(ExportFormat format, String baseName, Writer writer) {
        return event -> {
            event.setFileName(format.fileName(baseName));
            event.setContentType(format.contentType());
            ExportFormat.lastWrittenOnThisThread();
            try (OutputStream out = event.getOutputStream()) {
                writer.write(format, out);
            }
            ExportFormat.Written written = ExportFormat.lastWrittenOnThisThread();
            publish(new ExportDownloaded(format.fileName(baseName), format,
                    written == null ? baseName : written.title(), written == null ? 0 : written.rows()));
        };
    }

    /** Tells the application (the audit trail) about the download; the links are no beans, so through the context. */
    private static void publish(ExportDownloaded downloaded) {
        VaadinServlet servlet = VaadinServlet.getCurrent();
        ApplicationContext context = servlet == null ? null
                : WebApplicationContextUtils.getWebApplicationContext(servlet.getServletContext());
        if (context != null) {
            context.publishEvent(downloaded);
        }
    }
}
