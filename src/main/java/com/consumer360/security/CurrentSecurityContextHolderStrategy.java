package com.consumer360.security;

import java.util.function.Supplier;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * Delegates to whatever strategy {@link SecurityContextHolder} has now. Filters built with {@code new} capture the
 * strategy of their construction time, before Vaadin installs its own (VaadinAwareSecurityContextHolderStrategy),
 * and would then read an empty context.
 */
final class CurrentSecurityContextHolderStrategy implements SecurityContextHolderStrategy {

    private static SecurityContextHolderStrategy current() {
        return SecurityContextHolder.getContextHolderStrategy();
    }

    @Override
    public void clearContext() {
        current().clearContext();
    }

    @Override
    public SecurityContext getContext() {
        return current().getContext();
    }

    @Override
    public Supplier<SecurityContext> getDeferredContext() {
        return current().getDeferredContext();
    }

    @Override
    public void setContext(SecurityContext context) {
        current().setContext(context);
    }

    @Override
    public void setDeferredContext(Supplier<SecurityContext> deferredContext) {
        current().setDeferredContext(deferredContext);
    }

    @Override
    public SecurityContext createEmptyContext() {
        return current().createEmptyContext();
    }
}
