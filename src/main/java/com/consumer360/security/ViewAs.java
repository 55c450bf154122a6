package com.consumer360.security;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.switchuser.SwitchUserGrantedAuthority;

/**
 * "View as": an admin sees the portal exactly as another (non-admin) user, through Spring Security's switch-user
 * support: {@value #START}{@code ?username=north} to start, {@value #EXIT} to return. While it lasts the signed-in
 * principal is the viewed user, so roles, region scope, services and exports are theirs.
 */
public final class ViewAs {

    public static final String START = "/admin/view-as";
    public static final String EXIT = "/admin/view-as/exit";

    private ViewAs() {
    }

    /** The admin behind the current user when viewing as them, else empty. */
    public static Optional<String> admin() {
        return admin(SecurityContextHolder.getContext().getAuthentication());
    }

    /** The admin behind {@code authentication} when it is a view-as, else empty. */
    public static Optional<String> admin(Authentication authentication) {
        if (authentication == null) {
            return Optional.empty();
        }
        for (GrantedAuthority authority : authentication.getAuthorities()) {
            if (authority instanceof SwitchUserGrantedAuthority switched) {
                return Optional.of(switched.getSource().getName());
            }
        }
        return Optional.empty();
    }
}
