package com.consumer360.refresh;

import com.consumer360.refresh.WarehouseInputs.CohortActivity;
import java.time.YearMonth;
import java.util.AbstractList;
import java.util.Arrays;

/**
 * Customer-month activity for the cohorts kept in columns, a {@link CohortActivity} made only when read: at 10 M
 * lines, 1.7 M records were about 75 MB of a 1 GiB heap for the whole refresh (issue 19); the columns are about 27
 * bytes a row. Append-only; the months are shared references.
 */
final class CohortColumns extends AbstractList<CohortActivity> {

    private int[] customerKeys = new int[1024];
    private long[] customerIds = new long[1024];
    private short[] regions = new short[1024];
    private YearMonth[] months = new YearMonth[1024];
    private boolean[] purchases = new boolean[1024];
    private double[] revenues = new double[1024];
    private int size;

    @Override
    public boolean add(CohortActivity activity) {
        if (size == customerKeys.length) {
            int capacity = size + (size >> 1);
            customerKeys = Arrays.copyOf(customerKeys, capacity);
            customerIds = Arrays.copyOf(customerIds, capacity);
            regions = Arrays.copyOf(regions, capacity);
            months = Arrays.copyOf(months, capacity);
            purchases = Arrays.copyOf(purchases, capacity);
            revenues = Arrays.copyOf(revenues, capacity);
        }
        customerKeys[size] = activity.customerKey();
        customerIds[size] = activity.customerId();
        regions[size] = activity.regionId();
        months[size] = activity.month();
        purchases[size] = activity.purchase();
        revenues[size++] = activity.netRevenue();
        modCount++;
        return true;
    }

    @Override
    public CohortActivity get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        return new CohortActivity(customerKeys[index], customerIds[index], regions[index], months[index],
                purchases[index], revenues[index]);
    }

    @Override
    public int size() {
        return size;
    }
}
