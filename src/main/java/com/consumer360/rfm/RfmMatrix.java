package com.consumer360.rfm;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

/**
 * The 5 × 5 grid of recency score × frequency score of the current snapshot: all 25 cells, empty ones with
 * zeros, ordered by R then F. {@code asOf} is null when there is no snapshot yet.
 */
public record RfmMatrix(LocalDate asOf, List<Cell> cells) {

    public RfmMatrix {
        cells = List.copyOf(cells);
    }

    /** The cell at recency score {@code r} and frequency score {@code f}, each 1..5. */
    public Cell cell(int r, int f) {
        return cells.get((r - 1) * 5 + (f - 1));
    }

    /** Customers in all cells. */
    public long customers() {
        return cells.stream().mapToLong(Cell::customers).sum();
    }

    /** Customers, revenue (sum of monetary) and mean monetary of one cell. */
    public record Cell(int r, int f, long customers, BigDecimal revenue) {

        /** Revenue / customers, to cents; zero for an empty cell. */
        public BigDecimal meanMonetary() {
            return customers == 0 ? BigDecimal.ZERO
                    : revenue.divide(BigDecimal.valueOf(customers), 2, RoundingMode.HALF_EVEN);
        }

        /** The figure a matrix coloured by {@code metric} shows. */
        public BigDecimal value(MatrixMetric metric) {
            return switch (metric) {
                case CUSTOMERS -> BigDecimal.valueOf(customers);
                case REVENUE -> revenue;
                case MEAN_MONETARY -> meanMonetary();
            };
        }
    }
}
