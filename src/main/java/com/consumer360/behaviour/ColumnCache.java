package com.consumer360.behaviour;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * The customers' columns of the current snapshot, one entry per region. An entry is loaded through row-level
 * security by a transaction whose scope includes that region, so it holds every customer of the region; it is
 * handed only to transactions whose scope includes the region (the caller asks for the regions of its own scope,
 * read from the database). Entries of an older snapshot are dropped when a newer one is asked for; a request for
 * an older snapshot than the newest cached is answered without caching. The refresh fills it for the new snapshot on
 * the node that ran it ({@link ComparisonColumns}).
 */
@Component
class ColumnCache {

    private record Key(long snapshotId, short regionId) {
    }

    private final Map<Key, CustomerColumns> entries = new HashMap<>();
    private long newest = Long.MIN_VALUE;

    /**
     * The columns of the given regions of a snapshot; those not cached are read with one call of {@code load}, which
     * returns the columns of every region asked for (empty ones included).
     */
    List<CustomerColumns> get(long snapshotId, Collection<Short> regions,
                              Function<Set<Short>, Map<Short, CustomerColumns>> load) {
        Set<Short> wanted = new TreeSet<>(regions);
        if (snapshotId < newest()) {
            return List.copyOf(load.apply(wanted).values());
        }
        Map<Short, CustomerColumns> found = new TreeMap<>();
        synchronized (this) {
            advanceTo(snapshotId);
            for (short region : wanted) {
                CustomerColumns cached = entries.get(new Key(snapshotId, region));
                if (cached != null) {
                    found.put(region, cached);
                }
            }
            Set<Short> missing = new TreeSet<>(wanted);
            missing.removeAll(found.keySet());
            if (!missing.isEmpty()) {
                // Read under the lock: concurrent first readers wait for one read instead of each reading.
                Map<Short, CustomerColumns> read = load.apply(missing);
                for (short region : missing) {
                    CustomerColumns columns = read.get(region);
                    if (columns == null) {
                        throw new IllegalStateException("region " + region + " was not read");
                    }
                    entries.put(new Key(snapshotId, region), columns);
                    found.put(region, columns);
                }
            }
        }
        return new ArrayList<>(found.values());
    }

    /**
     * Keeps the columns of every region read for a snapshot (the refresh's, whose scope covers every region), unless
     * a newer snapshot is kept already.
     */
    synchronized void keep(long snapshotId, Map<Short, CustomerColumns> read) {
        if (snapshotId < newest) {
            return;
        }
        advanceTo(snapshotId);
        read.forEach((region, columns) -> entries.put(new Key(snapshotId, region), columns));
    }

    /** Makes {@code snapshotId} the newest kept, dropping an older snapshot's entries; the caller holds the lock. */
    private void advanceTo(long snapshotId) {
        if (snapshotId > newest) {
            newest = snapshotId;
            entries.keySet().removeIf(key -> key.snapshotId() != snapshotId);
        }
    }

    private synchronized long newest() {
        return newest;
    }

    /** The regions cached for a snapshot. */
    synchronized Set<Short> regions(long snapshotId) {
        Set<Short> regions = new TreeSet<>();
        entries.keySet().forEach(key -> {
            if (key.snapshotId() == snapshotId) {
                regions.add(key.regionId());
            }
        });
        return regions;
    }
}
