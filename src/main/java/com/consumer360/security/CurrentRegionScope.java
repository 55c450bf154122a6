package com.consumer360.security;

import java.util.Set;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Resolves the region scope of the current thread: a system scope entered with {@link #runAsSystem}, else the
 * signed-in user's regions, else nothing.
 */
public final class CurrentRegionScope {

    private static final Logger audit = LoggerFactory.getLogger("consumer360.audit");
    private static final ThreadLocal<RegionScope> SYSTEM = new ThreadLocal<>();

    private CurrentRegionScope() {
    }

    /** The scope to bind to a connection taken now on this thread. */
    public static RegionScope get() {
        RegionScope system = SYSTEM.get();
        if (system != null) {
            return system;
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.isAuthenticated()
                && authentication.getPrincipal() instanceof AppUser user) {
            return new RegionScope(user.regionIds(), user.getUsername());
        }
        return RegionScope.NONE;
    }

    /**
     * Runs batch work (demo load, refresh) under a named system scope, audited in the log. Not for user
     * requests: those always run under the signed-in user's scope.
     */
    public static <T> T runAsSystem(String purpose, Set<Short> regionIds, Callable<T> work) throws Exception {
        RegionScope previous = SYSTEM.get();
        RegionScope scope = new RegionScope(regionIds, "system:" + purpose);
        audit.info("system scope {} entered for regions {}", scope.principal(), scope.settingValue());
        SYSTEM.set(scope);
        try {
            return work.call();
        } finally {
            if (previous == null) {
                SYSTEM.remove();
            } else {
                SYSTEM.set(previous);
            }
            audit.info("system scope {} left", scope.principal());
        }
    }
}
