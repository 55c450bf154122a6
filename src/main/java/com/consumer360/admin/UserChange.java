package com.consumer360.admin;

import java.time.OffsetDateTime;

/** One audited change to a user: when, by whom, what, to whom, with the roles and regions given. */
public record UserChange(OffsetDateTime at, String actor, String action, String username, String detail) {
}
