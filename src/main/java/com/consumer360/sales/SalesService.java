package com.consumer360.sales;

import com.consumer360.export.ExportColumn;
import com.consumer360.export.ExportFormat;
import com.consumer360.export.ExportTable;
import com.consumer360.security.Roles;
import com.consumer360.warehouse.RegionOption;
import java.io.OutputStream;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Core sales metrics for the signed-in user's region scope, narrowed by a date range and regions. */
@Service
public class SalesService {

    private static final int TOP = 10;

    private final SalesQueries queries;

    SalesService(SalesQueries queries) {
        this.queries = queries;
    }

    /** Trend by month (the last one marked when it is only a month to date) and revenue by region. */
    @PreAuthorize(Roles.ANY_PORTAL_ROLE)
    @Transactional(readOnly = true)
    public SalesOverview overview(SalesFilter filter) {
        SalesQueries.Coverage coverage = queries.coverage();
        SalesQueries.Months months = queries.byMonth(filter, coverage);
        return new SalesOverview(months.months(), queries.byRegion(filter, coverage), months.salesThrough());
    }

    /**
     * The top ten products by net revenue and by net units (from the refresh's monthly sums while they are current,
     * see SalesQueries).
     */
    @PreAuthorize(Roles.ANY_PORTAL_ROLE)
    @Transactional(readOnly = true)
    public ProductRankings topProducts(SalesFilter filter) {
        return queries.topProducts(filter, TOP, queries.coverage());
    }

    /** The whole scope, unfiltered. */
    @PreAuthorize(Roles.ANY_PORTAL_ROLE)
    @Transactional(readOnly = true)
    public SalesOverview overview() {
        return overview(SalesFilter.ALL);
    }

    /** The regions the user has sales in, for the region filter. */
    @PreAuthorize(Roles.ANY_PORTAL_ROLE)
    @Transactional(readOnly = true)
    public List<RegionOption> regions() {
        return queries.regions();
    }

    /** The monthly trend under the filter as CSV or XLSX, with the month-to-date flag. */
    @PreAuthorize(Roles.ANY_PORTAL_ROLE)
    @Transactional(readOnly = true)
    public void exportByMonth(SalesFilter filter, ExportFormat format, OutputStream out) {
        List<SalesOverview.MonthlySales> months = queries.byMonth(filter, queries.coverage()).months();
        format.write(new ExportTable("Sales by month", List.of(ExportColumn.text("month"),
                ExportColumn.decimal("net_revenue"), ExportColumn.integer("units"), ExportColumn.integer("invoices"),
                ExportColumn.text("month_to_date")), sink -> months.forEach(m -> sink.row(m.month().toString(),
                m.netRevenue(), m.units(), m.invoices(), m.monthToDate() ? "yes" : "no"))), out);
    }

    /** Revenue, customers and invoices by region under the filter as CSV or XLSX. */
    @PreAuthorize(Roles.ANY_PORTAL_ROLE)
    @Transactional(readOnly = true)
    public void exportByRegion(SalesFilter filter, ExportFormat format, OutputStream out) {
        List<SalesOverview.RegionSales> regions = queries.byRegion(filter, queries.coverage());
        format.write(new ExportTable("Sales by region", List.of(ExportColumn.text("region"),
                ExportColumn.decimal("net_revenue"), ExportColumn.integer("customers"),
                ExportColumn.integer("invoices")), sink -> regions.forEach(r -> sink.row(r.region(), r.netRevenue(),
                r.customers(), r.invoices()))), out);
    }
}
