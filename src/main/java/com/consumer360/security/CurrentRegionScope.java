package com.consumer360.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Resolves the region scope of the current thread: a {@link SystemScope} entered on it, else the
 * signed-in user's regions, else nothing.
 */
final class CurrentRegionScope {

    private CurrentRegionScope() {
    }

    /** The scope to bind to a connection taken now on this thread. */
    static RegionScope get() {
        RegionScope system = SystemScope.active();
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
}
