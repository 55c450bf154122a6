package com.consumer360.admin;

import java.util.List;

/** A portal user as the admin pages show it (never the password hash). */
public record UserSummary(String username, String displayName, boolean enabled, List<String> roles,
                          List<String> regions) {
}
