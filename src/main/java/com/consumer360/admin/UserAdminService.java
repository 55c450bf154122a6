package com.consumer360.admin;

import static com.consumer360.jooq.Tables.APP_USER;
import static com.consumer360.jooq.Tables.APP_USER_REGION;
import static com.consumer360.jooq.Tables.APP_USER_ROLE;
import static com.consumer360.jooq.Tables.DIM_REGION;
import static com.consumer360.jooq.Tables.USER_ADMIN_AUDIT;
import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.val;

import com.consumer360.security.Roles;
import com.consumer360.warehouse.RegionOption;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Records;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Users, their roles and region assignments; admins only. Reads are plain queries; every change goes through the
 * database's user administration functions (V13), which check again that the caller is an enabled admin, refuse to
 * leave the portal without one, and write the audit trail. The runtime role cannot change the user tables itself.
 */
@Service
@PreAuthorize(Roles.ADMIN_ONLY)
public class UserAdminService {

    /** SQL states the admin functions raise when they refuse a change: invalid input, taken name, no such user, not an admin. */
    private static final Set<String> REFUSALS = Set.of("22023", "23505", "P0002", "42501");

    /** The shortest password an admin may set. */
    public static final int MIN_PASSWORD_LENGTH = 8;

    private final DSLContext db;
    private final PasswordEncoder passwords;

    UserAdminService(DSLContext db, PasswordEncoder passwords) {
        this.db = db;
        this.passwords = passwords;
    }

    /** All users, by user name. */
    @Transactional(readOnly = true)
    public List<UserSummary> users() {
        return db.select(APP_USER.USERNAME, APP_USER.DISPLAY_NAME, APP_USER.ENABLED,
                        multiset(select(APP_USER_ROLE.ROLE_NAME).from(APP_USER_ROLE)
                                .where(APP_USER_ROLE.USER_ID.eq(APP_USER.USER_ID)).orderBy(APP_USER_ROLE.ROLE_NAME))
                                .convertFrom(r -> r.map(Records.mapping(role -> role))),
                        multiset(select(DIM_REGION.NAME).from(APP_USER_REGION).join(DIM_REGION)
                                .on(DIM_REGION.REGION_ID.eq(APP_USER_REGION.REGION_ID))
                                .where(APP_USER_REGION.USER_ID.eq(APP_USER.USER_ID)).orderBy(DIM_REGION.REGION_ID))
                                .convertFrom(r -> r.map(Records.mapping(region -> region))))
                .from(APP_USER)
                .orderBy(APP_USER.USERNAME)
                .fetch(Records.mapping(UserSummary::new));
    }

    /** The regions a user can be given, by id. */
    @Transactional(readOnly = true)
    public List<RegionOption> regions() {
        return db.select(DIM_REGION.REGION_ID, DIM_REGION.NAME).from(DIM_REGION).orderBy(DIM_REGION.REGION_ID)
                .fetch(Records.mapping(RegionOption::new));
    }

    /** The roles a user can be given. */
    public List<String> roles() {
        return List.of(Roles.REGIONAL_MANAGER, Roles.EXECUTIVE, Roles.CS_OPS, Roles.ADMIN);
    }

    /** The latest changes to users, newest first. */
    @Transactional(readOnly = true)
    public List<UserChange> changes(int limit) {
        return db.select(USER_ADMIN_AUDIT.AT, USER_ADMIN_AUDIT.ACTOR, USER_ADMIN_AUDIT.ACTION, USER_ADMIN_AUDIT.USERNAME,
                        USER_ADMIN_AUDIT.DETAIL)
                .from(USER_ADMIN_AUDIT).orderBy(USER_ADMIN_AUDIT.AUDIT_ID.desc()).limit(Math.clamp(limit, 1, 500))
                .fetch(Records.mapping(UserChange::new));
    }

    /** Creates a user with a password, roles and regions. */
    @Transactional
    public void createUser(String username, String displayName, String password, Set<String> roles,
                           Set<Short> regionIds) {
        String hash = passwords.encode(requirePassword(password));
        call(() -> db.fetchValue("SELECT app_create_user({0}, {1}, {2}, {3}, {4})", val(username), val(displayName),
                val(hash), val(roles.toArray(String[]::new)), val(regionIds.toArray(Short[]::new))));
    }

    /** Replaces a user's roles and regions; takes effect at that user's next request. */
    @Transactional
    public void setAccess(String username, Set<String> roles, Set<Short> regionIds) {
        call(() -> db.fetchValue("SELECT app_set_user_access({0}, {1}, {2})", val(username),
                val(roles.toArray(String[]::new)), val(regionIds.toArray(Short[]::new))));
    }

    /** Enables or disables a user; a disabled user's sessions end at their next request. */
    @Transactional
    public void setEnabled(String username, boolean enabled) {
        call(() -> db.fetchValue("SELECT app_set_user_enabled({0}, {1})", val(username), val(enabled)));
    }

    /** Sets a new password for a user. */
    @Transactional
    public void resetPassword(String username, String password) {
        String hash = passwords.encode(requirePassword(password));
        call(() -> db.fetchValue("SELECT app_set_user_password({0}, {1})", val(username), val(hash)));
    }

    private static String requirePassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new UserAdminException("password: at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        return password;
    }

    /** Runs a user administration function; its refusal becomes a {@link UserAdminException} with its message. */
    private static void call(Runnable change) {
        try {
            change.run();
        } catch (RuntimeException e) {
            SQLException cause = sqlCause(e);
            String state = cause == null ? null : cause.getSQLState();
            if (state != null && REFUSALS.contains(state)) {
                throw new UserAdminException(serverMessage(cause));
            }
            throw e;
        }
    }

    private static SQLException sqlCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }

    /** The first line of the server's message, without the "ERROR: " prefix. */
    private static String serverMessage(SQLException e) {
        String message = e.getMessage();
        int start = message.indexOf("ERROR: ");
        message = start < 0 ? message : message.substring(start + "ERROR: ".length());
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
