package com.consumer360.clv;

import com.consumer360.security.AppUser;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The holdout check of a snapshot per set of regions it covers: the recomputation reads every invoice in scope,
 * and its result depends only on the snapshot (calibration end, refitted parameters) and on which regions' invoices
 * the connection sees. The key is the regions the signed-in user is bound to (as the data source binds them),
 * narrowed by the filter, so users with the same regions share an entry and no entry is served to any other scope.
 * Without a signed-in portal user nothing is cached.
 */
final class HoldoutCache {

    private static final int ENTRIES = 64;

    private record Key(long snapshotId, Set<Short> regions) {
    }

    private final Map<Key, ModelFit> entries = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, ModelFit> eldest) {
            return size() > ENTRIES;
        }
    };

    /** The cached check of the signed-in user's regions narrowed by the filter, if there is one. */
    Optional<ModelFit> peek(long snapshotId, Set<Short> filter) {
        Optional<Key> key = key(snapshotId, filter);
        synchronized (entries) {
            return key.map(entries::get);
        }
    }

    ModelFit get(long snapshotId, Set<Short> filter, Supplier<ModelFit> compute) {
        Optional<Key> found = key(snapshotId, filter);
        if (found.isEmpty()) {
            return compute.get();
        }
        Key key = found.get();
        synchronized (entries) {
            ModelFit cached = entries.get(key);
            if (cached != null) {
                return cached;
            }
        }
        ModelFit fit = compute.get();
        synchronized (entries) {
            entries.put(key, fit);
        }
        return fit;
    }

    /** The key of the signed-in portal user's regions narrowed by the filter; none without a portal user. */
    private static Optional<Key> key(long snapshotId, Set<Short> filter) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof AppUser user)) {
            return Optional.empty();
        }
        Set<Short> regions = new HashSet<>(user.regionIds());
        if (!filter.isEmpty()) {
            regions.retainAll(filter);
        }
        return Optional.of(new Key(snapshotId, Set.copyOf(regions)));
    }
}
