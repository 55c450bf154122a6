package com.consumer360.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.authentication.switchuser.SwitchUserGrantedAuthority;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Re-reads the signed-in user's roles, regions and enabled flag on every request, so that an admin's change applies
 * at that user's next request rather than at their next sign-in: changed roles or regions replace the session's
 * authentication (in place, so listeners bound to it see the change too); a disabled or deleted user's session is
 * ended and the request continues unauthenticated, which sends them to the login page. One indexed lookup per request.
 */
final class SignedInUserRefresher extends OncePerRequestFilter {

    private final AppUserDetailsService users;

    SignedInUserRefresher(AppUserDetailsService users) {
        this.users = users;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        SecurityContext context = SecurityContextHolder.getContext();
        Authentication authentication = context.getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof AppUser signedIn) {
            AppUser current = reload(signedIn.username());
            if (current == null || !current.enabled()) {
                context.setAuthentication(null);
                SecurityContextHolder.clearContext();
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
            } else if (!current.roles().equals(signedIn.roles()) || !current.regionIds().equals(signedIn.regionIds())
                    || current.id() != signedIn.id()) {
                // A view-as keeps its link to the admin behind it (the switch-user authority) across the change.
                List<GrantedAuthority> authorities = new ArrayList<>(current.getAuthorities());
                authentication.getAuthorities().stream().filter(SwitchUserGrantedAuthority.class::isInstance)
                        .forEach(authorities::add);
                UsernamePasswordAuthenticationToken updated = UsernamePasswordAuthenticationToken.authenticated(
                        current, null, authorities);
                updated.setDetails(authentication.getDetails());
                context.setAuthentication(updated);
            }
        }
        chain.doFilter(request, response);
    }

    private AppUser reload(String username) {
        try {
            return users.loadUserByUsername(username);
        } catch (UsernameNotFoundException e) {
            return null;
        }
    }
}
