package com.consumer360.support;

import java.util.concurrent.Callable;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Signs a portal user in on the current thread, as a sign-in would: their roles and regions read from the database. */
public final class SignedIn {

    private SignedIn() {
    }

    /** Signs {@code username} in on this thread until {@link SecurityContextHolder#clearContext()}. */
    public static void as(UserDetailsService users, String username) {
        UserDetails user = users.loadUserByUsername(username);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }

    /** Runs {@code work} signed in as {@code username}, then signs out. */
    public static <T> T call(UserDetailsService users, String username, Callable<T> work) throws Exception {
        as(users, username);
        try {
            return work.call();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
