package com.consumer360.security;

import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audited scope of batch work that is nobody's request: the refresh, the demo-data load, imports. While work
 * runs inside it, connections taken on that thread carry the given regions instead of a signed-in user's; entering
 * and leaving are logged to {@code consumer360.audit}. Only the refresh, demo-data and import entry points (and the
 * scheduled run of a SQL Server source) may use it (ArchitectureTest), and callbacks into user code run outside it
 * ({@link CallerScope}).
 */
public final class SystemScope {

    private static final Logger audit = LoggerFactory.getLogger("consumer360.audit");
    private static final ThreadLocal<RegionScope> ACTIVE = new ThreadLocal<>();

    private SystemScope() {
    }

    /** Runs {@code work} on this thread under the system scope {@code system:purpose} over {@code regionIds}. */
    public static <T> T call(String purpose, Set<Short> regionIds, Callable<T> work) throws Exception {
        RegionScope previous = ACTIVE.get();
        RegionScope scope = new RegionScope(regionIds, "system:" + purpose);
        audit.info("system scope {} entered for regions {}", scope.principal(), scope.settingValue());
        ACTIVE.set(scope);
        try {
            return work.call();
        } finally {
            restore(previous);
            audit.info("system scope {} left", scope.principal());
        }
    }

    /** The system scope active on this thread, or null. */
    static RegionScope active() {
        return ACTIVE.get();
    }

    /** Runs {@code work} with any system scope of this thread set aside, then puts it back. */
    static <T> T suspended(Supplier<T> work) {
        RegionScope previous = ACTIVE.get();
        ACTIVE.remove();
        try {
            return work.get();
        } finally {
            restore(previous);
        }
    }

    private static void restore(RegionScope previous) {
        if (previous == null) {
            ACTIVE.remove();
        } else {
            ACTIVE.set(previous);
        }
    }
}
