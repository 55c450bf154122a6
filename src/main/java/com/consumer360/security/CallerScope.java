package com.consumer360.security;

import java.util.function.Consumer;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Callbacks that run in the scope of whoever registered them, whichever thread calls them: a listener that a
 * manager's page registers and a refresh later calls from inside its system scope runs with the manager's sign-in
 * and regions, and never with the refresh's. Listeners registered without a sign-in see nothing.
 */
public final class CallerScope {

    private CallerScope() {
    }

    /** Wraps {@code listener} so that it always runs as the user signed in on this thread now. */
    public static <T> Consumer<T> bind(Consumer<T> listener) {
        SecurityContext registeredBy = SecurityContextHolder.getContext();
        return value -> {
            SecurityContext previous = SecurityContextHolder.getContext();
            SecurityContextHolder.setContext(registeredBy);
            try {
                SystemScope.suspended(() -> {
                    listener.accept(value);
                    return null;
                });
            } finally {
                SecurityContextHolder.setContext(previous);
            }
        };
    }
}
