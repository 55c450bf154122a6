package com.consumer360.behaviour;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * The group comparison computed from the customers' columns of the regions in scope, with PostgreSQL's semantics:
 * sums exact in cents; means as {@code avg}; medians as {@code percentile_cont(0.5)} (the middle value, or halfway
 * between the two middle values in double precision); bins as {@code width_bucket(value, thresholds)}.
 */
final class Comparisons {

    private static final long[] MONETARY_CENTS = Arrays.stream(Bins.MONETARY)
            .mapToLong(t -> t.movePointRight(2).longValueExact()).toArray();

    private Comparisons() {
    }

    static GroupComparison compare(LocalDate asOf, List<CustomerColumns> parts, BehaviourFilter filter, GroupRule a,
                                   GroupRule b) {
        int minRecency = parts.stream().filter(p -> p.size > 0).mapToInt(p -> p.minRecency).min().orElse(0);
        int maxRecency = parts.stream().filter(p -> p.size > 0).mapToInt(p -> p.maxRecency).max().orElse(0);
        int minFrequency = parts.stream().filter(p -> p.size > 0).mapToInt(p -> p.minFrequency).min().orElse(0);
        int maxFrequency = parts.stream().filter(p -> p.size > 0).mapToInt(p -> p.maxFrequency).max().orElse(0);
        Group inA = new Group(minRecency, maxRecency, minFrequency, maxFrequency);
        Group inB = new Group(minRecency, maxRecency, minFrequency, maxFrequency);
        Condition shown = new Condition(filter.segments(), filter.minRecencyDays(), filter.maxRecencyDays(), null,
                null, null, null, null);
        Condition ruleA = Condition.of(a);
        Condition ruleB = Condition.of(b);
        long customersShown = 0;
        long centsShown = 0;
        long inBoth = 0;
        for (CustomerColumns p : parts) {
            boolean[] shownSegments = shown.segments(p);
            boolean[] segmentsA = ruleA.segments(p);
            boolean[] segmentsB = ruleB.segments(p);
            for (int i = 0; i < p.size; i++) {
                if (!shown.holds(p, i, shownSegments)) {
                    continue;
                }
                customersShown++;
                centsShown += p.monetaryCents[i];
                boolean isA = ruleA.holds(p, i, segmentsA);
                boolean isB = ruleB.holds(p, i, segmentsB);
                if (isA) {
                    inA.add(p, i);
                }
                if (isB) {
                    inB.add(p, i);
                }
                if (isA && isB) {
                    inBoth++;
                }
            }
        }
        BigDecimal revenueShown = BigDecimal.valueOf(centsShown, 2);
        return new GroupComparison(asOf, customersShown, revenueShown, inA.figures(a, revenueShown),
                inB.figures(b, revenueShown), inBoth,
                histogram(Bins.RECENCY_NAME, Bins.integerLabels(Bins.RECENCY_DAYS), inA.recency.bins(Bins.RECENCY_DAYS),
                        inB.recency.bins(Bins.RECENCY_DAYS)),
                histogram(Bins.FREQUENCY_NAME, Bins.integerLabels(Bins.FREQUENCY), inA.frequency.bins(Bins.FREQUENCY),
                        inB.frequency.bins(Bins.FREQUENCY)),
                histogram(Bins.MONETARY_NAME, Bins.monetaryLabels(), inA.monetaryBins, inB.monetaryBins));
    }

    private static GroupComparison.Histogram histogram(String name, List<String> labels, long[] a, long[] b) {
        return new GroupComparison.Histogram(name, labels, Arrays.stream(a).boxed().toList(),
                Arrays.stream(b).boxed().toList());
    }

    /** {@code width_bucket(value, thresholds)}: how many of the ascending thresholds are ≤ value. */
    static int bucket(long value, long[] thresholds) {
        int low = 0;
        int high = thresholds.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (thresholds[mid] <= value) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /** {@code percentile_cont(0.5)} of the {@code n} values whose {@code first} and {@code second} middle ones are given. */
    static double median(long n, double first, double second) {
        double position = 0.5 * (n - 1);
        double proportion = position - Math.floor(position);
        return proportion == 0 ? first : first + (second - first) * proportion;
    }

    /** A group rule or the map's filter, tested customer by customer. Monetary bounds are in whole cents. */
    private record Condition(java.util.Set<String> segmentSet, Integer minRecency, Integer maxRecency,
                             Integer minFrequency, Integer maxFrequency, Long minCents, Long maxCents,
                             Integer minMScore) {

        static Condition of(GroupRule rule) {
            // monetary ≥ min ⇔ cents ≥ ⌈100·min⌉ and monetary ≤ max ⇔ cents ≤ ⌊100·max⌋, for any scale of the bound.
            return new Condition(rule.segments(), rule.minRecencyDays(), rule.maxRecencyDays(), rule.minFrequency(),
                    rule.maxFrequency(),
                    rule.minMonetary() == null ? null
                            : rule.minMonetary().movePointRight(2).setScale(0, RoundingMode.CEILING).longValueExact(),
                    rule.maxMonetary() == null ? null
                            : rule.maxMonetary().movePointRight(2).setScale(0, RoundingMode.FLOOR).longValueExact(),
                    rule.minMScore());
        }

        /** Which of the part's segment codes the condition accepts; null when it accepts every segment. */
        boolean[] segments(CustomerColumns part) {
            if (segmentSet.isEmpty()) {
                return null;
            }
            boolean[] accepted = new boolean[part.segmentLabels.size()];
            for (int code = 0; code < accepted.length; code++) {
                accepted[code] = segmentSet.contains(part.segmentLabels.get(code));
            }
            return accepted;
        }

        boolean holds(CustomerColumns p, int i, boolean[] segments) {
            int recency = p.recencyDays[i];
            int invoices = p.frequency[i];
            long cents = p.monetaryCents[i];
            return (segments == null || segments[p.segment[i]])
                    && (minRecency == null || recency >= minRecency)
                    && (maxRecency == null || recency <= maxRecency)
                    && (minFrequency == null || invoices >= minFrequency)
                    && (maxFrequency == null || invoices <= maxFrequency)
                    && (minCents == null || cents >= minCents)
                    && (maxCents == null || cents <= maxCents)
                    && (minMScore == null || p.mScore[i] >= minMScore);
        }
    }

    /** Counts of an integer measure by value, for its median and its bins. */
    private static final class ValueCounts {

        private final int offset;
        private final long[] counts;

        ValueCounts(int min, int max) {
            offset = min;
            counts = new long[max - min + 1];
        }

        void add(int value) {
            counts[value - offset]++;
        }

        /** The value at 0-based position {@code k} in ascending order. */
        int at(long k) {
            long seen = 0;
            for (int i = 0; i < counts.length; i++) {
                seen += counts[i];
                if (seen > k) {
                    return i + offset;
                }
            }
            throw new IllegalArgumentException("position " + k + " of " + seen);
        }

        Double median(long n) {
            if (n == 0) {
                return null;
            }
            return Comparisons.median(n, at((n - 1) / 2), at(n / 2));
        }

        long[] bins(Integer[] thresholds) {
            long[] bins = new long[thresholds.length + 1];
            long[] limits = Arrays.stream(thresholds).mapToLong(Integer::longValue).toArray();
            for (int i = 0; i < counts.length; i++) {
                bins[bucket(i + (long) offset, limits)] += counts[i];
            }
            return bins;
        }
    }

    /** One group's running sums, value counts, monetary values and monetary bins. */
    private static final class Group {

        long customers;
        long cents;
        long recencySum;
        long frequencySum;
        double clvSum;
        long clvCount;
        final ValueCounts recency;
        final ValueCounts frequency;
        long[] monetary = new long[1024];
        final long[] monetaryBins = new long[MONETARY_CENTS.length + 1];

        Group(int minRecency, int maxRecency, int minFrequency, int maxFrequency) {
            recency = new ValueCounts(minRecency, maxRecency);
            frequency = new ValueCounts(minFrequency, maxFrequency);
        }

        void add(CustomerColumns p, int i) {
            long value = p.monetaryCents[i];
            if (customers == monetary.length) {
                monetary = Arrays.copyOf(monetary, monetary.length * 2);
            }
            monetary[(int) customers] = value;
            customers++;
            cents += value;
            recencySum += p.recencyDays[i];
            frequencySum += p.frequency[i];
            recency.add(p.recencyDays[i]);
            frequency.add(p.frequency[i]);
            monetaryBins[bucket(value, MONETARY_CENTS)]++;
            if (p.hasClv[i]) {
                clvSum += p.clv[i];
                clvCount++;
            }
        }

        GroupComparison.Group figures(GroupRule rule, BigDecimal revenueShown) {
            BigDecimal revenue = BigDecimal.valueOf(cents, 2);
            double share = revenueShown.signum() <= 0 ? 0 : revenue.doubleValue() / revenueShown.doubleValue();
            if (customers == 0) {
                return new GroupComparison.Group(rule, 0, revenue, share, null, null, null, null, null, null, null);
            }
            int n = (int) customers;
            Arrays.sort(monetary, 0, n);
            double medianMonetary = median(n, monetary[(n - 1) / 2] / 100.0, monetary[n / 2] / 100.0);
            return new GroupComparison.Group(rule, customers, revenue, share,
                    (double) recencySum / customers, recency.median(customers),
                    (double) frequencySum / customers, frequency.median(customers),
                    revenue.divide(BigDecimal.valueOf(customers), 2, RoundingMode.HALF_EVEN),
                    BigDecimal.valueOf(medianMonetary).setScale(2, RoundingMode.HALF_EVEN),
                    clvCount == 0 ? null : clvSum / clvCount);
        }
    }
}
