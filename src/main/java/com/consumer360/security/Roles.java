package com.consumer360.security;

/** Role names, as stored in app_role and used in {@code @RolesAllowed} and {@code @PreAuthorize}. */
public final class Roles {

    public static final String REGIONAL_MANAGER = "REGIONAL_MANAGER";
    public static final String EXECUTIVE = "EXECUTIVE";
    public static final String CS_OPS = "CS_OPS";
    public static final String ADMIN = "ADMIN";

    private Roles() {
    }
}
