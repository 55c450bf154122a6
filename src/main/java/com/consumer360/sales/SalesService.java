package com.consumer360.sales;

import com.consumer360.security.Roles;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Core sales metrics for the signed-in user's region scope. */
@Service
public class SalesService {

    private static final int TOP = 10;

    private final SalesQueries queries;

    SalesService(SalesQueries queries) {
        this.queries = queries;
    }

    /** Trend by month, top products by revenue and by units, revenue by region. */
    @PreAuthorize(Roles.ANY_PORTAL_ROLE)
    @Transactional(readOnly = true)
    public SalesOverview overview() {
        return new SalesOverview(queries.byMonth(), queries.topProducts(true, TOP), queries.topProducts(false, TOP),
                queries.byRegion());
    }
}
