package com.consumer360.analytics.cleaning;

import com.consumer360.analytics.TransactionTable;
import java.util.Arrays;

/**
 * Finds lines equal in every stored column to an earlier line offered to it, among lines that carry an invoice
 * id ({@link Cleaning#canBeDuplicate}): only there does the file identify the line, so that a second equal line
 * is the same line written twice rather than a second purchase. An open-addressing hash set of row numbers keeps
 * this at a few bytes per line, which matters at ten million lines. The description is not compared: the
 * table keeps one description per product.
 */
final class DuplicateFinder {

    private final TransactionTable table;
    private final int[] slots;
    private final int mask;

    DuplicateFinder(TransactionTable table) {
        this.table = table;
        int lines = Math.max(4, table.size());
        int capacity = Integer.highestOneBit(lines + lines / 2) << 1; // load factor between 1/3 and 2/3
        slots = new int[capacity];
        mask = capacity - 1;
        Arrays.fill(slots, -1);
    }

    /**
     * Whether an equal line was offered before; if not, remembers this one. A line without invoice id is never a
     * repeat and is not remembered.
     */
    boolean isRepeat(int row) {
        if (!Cleaning.canBeDuplicate(table, row)) {
            return false;
        }
        int slot = hash(row) & mask;
        while (slots[slot] >= 0) {
            if (sameLine(slots[slot], row)) {
                return true;
            }
            slot = (slot + 1) & mask;
        }
        slots[slot] = row;
        return false;
    }

    private int hash(int row) {
        long h = table.customer(row);
        h = h * 31 + table.invoice(row);
        h = h * 31 + table.day(row);
        h = h * 31 + table.secondOfDay(row);
        h = h * 31 + table.product(row);
        h = h * 31 + table.quantity(row);
        h = h * 31 + Double.hashCode(table.unitPrice(row));
        h = h * 31 + Double.hashCode(table.amount(row));
        h = h * 31 + table.country(row);
        h = h * 31 + table.region(row);
        h *= 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    private boolean sameLine(int a, int b) {
        return table.customer(a) == table.customer(b)
                && table.invoice(a) == table.invoice(b)
                && table.day(a) == table.day(b)
                && table.secondOfDay(a) == table.secondOfDay(b)
                && table.product(a) == table.product(b)
                && table.quantity(a) == table.quantity(b)
                && Double.compare(table.unitPrice(a), table.unitPrice(b)) == 0
                && Double.compare(table.amount(a), table.amount(b)) == 0
                && table.country(a) == table.country(b)
                && table.region(a) == table.region(b);
    }
}
