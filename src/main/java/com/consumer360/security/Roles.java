package com.consumer360.security;

/** Role names, as stored in app_role and used in {@code @RolesAllowed} and {@code @PreAuthorize}. */
public final class Roles {

    public static final String REGIONAL_MANAGER = "REGIONAL_MANAGER";
    public static final String EXECUTIVE = "EXECUTIVE";
    public static final String CS_OPS = "CS_OPS";
    public static final String ADMIN = "ADMIN";

    /** {@code @PreAuthorize} expression: any of the four portal roles (a signed-in user without a role gets nothing). */
    public static final String ANY_PORTAL_ROLE = "hasAnyRole('" + REGIONAL_MANAGER + "', '" + EXECUTIVE + "', '" + CS_OPS
            + "', '" + ADMIN + "')";

    /** {@code @PreAuthorize} expression: admins only. */
    public static final String ADMIN_ONLY = "hasRole('" + ADMIN + "')";

    /** A role as people call it ("Regional manager" for REGIONAL_MANAGER); an unknown name as it is. */
    public static String label(String role) {
        return switch (role) {
            case REGIONAL_MANAGER -> "Regional manager";
            case EXECUTIVE -> "Executive";
            case CS_OPS -> "CS ops";
            case ADMIN -> "Admin";
            default -> role;
        };
    }

    private Roles() {
    }
}
