package com.consumer360.refresh;

import com.consumer360.analytics.clv.Purchase;
import com.consumer360.analytics.rfm.CustomerRfm;
import com.consumer360.refresh.WarehouseInputs.CohortActivity;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Folds (customer, day) aggregates, ordered by customer, into the inputs of RFM (recency, frequency,
 * monetary), CLV (purchase days) and cohorts (customer-month activity).
 */
final class CustomerDays {

    private final LocalDate asOf;
    private final List<CustomerRfm> rfm = new ArrayList<>();
    private final Map<String, Short> regionOfCustomer = new HashMap<>();
    private final PurchaseColumns purchaseDays = new PurchaseColumns();
    private final Map<YearMonth, CohortActivity> months = new HashMap<>();
    private final CohortColumns cohortActivity = new CohortColumns();
    /** One YearMonth per month, shared by every customer's activity in it (issue 19: 37 MB at 10 M lines). */
    private final Map<Integer, YearMonth> monthOf = new HashMap<>();

    private long customer = -1;
    private String customerId;
    private short region;
    private int customerKey = -1;
    private LocalDate lastPurchase;
    private int invoices;
    private double net;

    CustomerDays(LocalDate asOf) {
        this.asOf = asOf;
    }

    void add(long customerId, short regionId, LocalDate day, int purchaseInvoices, double purchaseAmount,
             double netAmount) {
        if (customerId != customer) {
            closeCustomer();
            customer = customerId;
            this.customerId = Long.toString(customerId);
            region = regionId;
            customerKey++;
        }
        if (purchaseInvoices > 0) {
            lastPurchase = day;
            invoices += purchaseInvoices;
            purchaseDays.add(this.customerId, day, purchaseAmount);
        }
        net += netAmount;
        YearMonth month = monthOf.computeIfAbsent(day.getYear() * 12 + day.getMonthValue() - 1,
                key -> YearMonth.of(key / 12, key % 12 + 1));
        months.merge(month, new CohortActivity(customerKey, customer, region, month, purchaseInvoices > 0,
                        netAmount),
                (a, b) -> new CohortActivity(a.customerKey(), a.customerId(), a.regionId(), a.month(),
                        a.purchase() || b.purchase(),
                        a.netRevenue() + b.netRevenue()));
    }

    CustomerDays finish() {
        closeCustomer();
        return this;
    }

    private void closeCustomer() {
        if (customer < 0) {
            return;
        }
        cohortActivity.addAll(months.values());
        months.clear();
        if (lastPurchase != null) { // only returns: no recency, left out as in the batch feed
            regionOfCustomer.put(customerId, region);
            rfm.add(CustomerRfm.ofNetRevenue(customerId, (int) (asOf.toEpochDay() - lastPurchase.toEpochDay()),
                    invoices, net));
        }
        lastPurchase = null;
        invoices = 0;
        net = 0;
    }

    List<CustomerRfm> rfm() {
        return rfm;
    }

    Map<String, Short> regionOfCustomer() {
        return regionOfCustomer;
    }

    List<Purchase> purchaseDays() {
        return purchaseDays;
    }

    List<CohortActivity> cohortActivity() {
        return cohortActivity;
    }
}
