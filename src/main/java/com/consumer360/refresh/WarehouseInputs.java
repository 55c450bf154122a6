package com.consumer360.refresh;

import com.consumer360.analytics.basket.Baskets;
import com.consumer360.analytics.clv.Purchase;
import com.consumer360.analytics.rfm.CustomerRfm;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What a refresh reads from the warehouse, already aggregated by SQL: per-customer RFM aggregates, purchase
 * days for CLV, per-customer-month activity for cohorts, invoice baskets, and customer invoices' per-product
 * totals for the segment profiles.
 */
record WarehouseInputs(LocalDate asOf, LocalDate lastSale, List<CustomerRfm> rfm, Map<String, Short> regionOfCustomer,
                       List<Purchase> purchaseDays, List<CohortActivity> cohortActivity, Baskets baskets,
                       List<String> regionOfBasket, InvoiceProductTotals productTotals, long lines,
                       WarehouseCleaning cleaning) {

    /** One customer's activity in one month; {@code customerKey} numbers the customers 0, 1, 2, … in read order. */
    record CohortActivity(int customerKey, long customerId, short regionId, java.time.YearMonth month,
                          boolean purchase, double netRevenue) {
    }
}
