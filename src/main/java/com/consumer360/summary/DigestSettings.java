package com.consumer360.summary;

/**
 * The signed-in user's digest settings: whether they receive it (their choice, else the default for their role),
 * the address it is sent to, and whether this portal can send e-mail at all.
 */
public record DigestSettings(boolean subscribed, boolean chosen, String email, boolean mailConfigured) {
}
