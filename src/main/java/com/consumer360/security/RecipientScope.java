package com.consumer360.security;

import java.util.Optional;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Runs work that produces something for a user (the weekly digest) with that user's own rights and regions, as if
 * they had signed in: roles and regions read now, services and row-level security apply exactly as for their own
 * requests. A scheduled report computed this way cannot hold more than its recipient may see, whoever scheduled it.
 * Disabled or unknown users get nothing run. Audited; only the digest job may use it (ArchitectureTest).
 */
@Component
public class RecipientScope {

    private static final Logger audit = LoggerFactory.getLogger("consumer360.audit");

    private final AppUserDetailsService users;

    RecipientScope(AppUserDetailsService users) {
        this.users = users;
    }

    /** Runs {@code work} as {@code username}; empty when that user does not exist or is disabled. */
    public <T> Optional<T> callAs(String username, Callable<T> work) throws Exception {
        AppUser user;
        try {
            user = users.loadUserByUsername(username);
        } catch (UsernameNotFoundException e) {
            return Optional.empty();
        }
        if (!user.enabled()) {
            return Optional.empty();
        }
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext recipient = SecurityContextHolder.createEmptyContext();
        recipient.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        audit.info("recipient scope {} entered for regions {}", username, user.regionIds());
        SecurityContextHolder.setContext(recipient);
        try {
            return SystemScope.suspended(() -> {
                try {
                    return Optional.ofNullable(work.call());
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        } finally {
            SecurityContextHolder.setContext(previous);
            audit.info("recipient scope {} left", username);
        }
    }
}
