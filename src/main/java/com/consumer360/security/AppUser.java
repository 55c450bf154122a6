package com.consumer360.security;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** A signed-in portal user with roles and the regions they may see. */
public record AppUser(long id, String username, String displayName, String passwordHash, boolean enabled,
                      Set<String> roles, Set<Short> regionIds) implements UserDetails {

    public AppUser {
        roles = Set.copyOf(roles);
        regionIds = Set.copyOf(regionIds);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return roles.stream().map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList();
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    /** Without the password hash, for anything that is shown or logged. */
    @Override
    public String toString() {
        return "AppUser[" + username + ", roles=" + List.copyOf(roles) + ", regions=" + regionIds + "]";
    }
}
