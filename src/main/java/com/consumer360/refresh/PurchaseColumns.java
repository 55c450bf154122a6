package com.consumer360.refresh;

import com.consumer360.analytics.clv.Purchase;
import java.time.LocalDate;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.Objects;

/**
 * The CLV engines' purchases (customer, day, amount) kept in columns, a {@link Purchase} made only when read: at
 * 10 M lines, 2.2 M Purchase objects with their dates were about 80 MB of a 1 GiB heap for the whole refresh
 * (issue 19); the columns are 16 bytes a purchase, and the engines read each purchase once or twice per fit.
 * Append-only; the customer ids are shared references.
 */
final class PurchaseColumns extends AbstractList<Purchase> {

    private String[] customers = new String[1024];
    private int[] days = new int[1024];
    private double[] amounts = new double[1024];
    private int size;

    @Override
    public boolean add(Purchase purchase) {
        add(purchase.customerId(), purchase.date(), purchase.amount());
        return true;
    }

    void add(String customerId, LocalDate day, double amount) {
        Objects.requireNonNull(customerId, "customerId");
        if (!Double.isFinite(amount)) {
            throw new IllegalArgumentException("purchase of " + customerId + " on " + day
                    + " has a non-finite amount: " + amount);
        }
        if (size == days.length) {
            int capacity = size + (size >> 1);
            customers = Arrays.copyOf(customers, capacity);
            days = Arrays.copyOf(days, capacity);
            amounts = Arrays.copyOf(amounts, capacity);
        }
        customers[size] = customerId;
        days[size] = Math.toIntExact(day.toEpochDay());
        amounts[size++] = amount;
        modCount++;
    }

    @Override
    public Purchase get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        return new Purchase(customers[index], LocalDate.ofEpochDay(days[index]), amounts[index]);
    }

    @Override
    public int size() {
        return size;
    }
}
