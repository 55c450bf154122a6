package com.consumer360.security;

import static com.consumer360.jooq.Tables.APP_USER;
import static com.consumer360.jooq.Tables.APP_USER_REGION;
import static com.consumer360.jooq.Tables.APP_USER_ROLE;

import java.util.HashSet;
import org.jooq.DSLContext;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Loads users, their roles and their region assignments from app_user (not row-filtered). */
@Service
class AppUserDetailsService implements UserDetailsService {

    private final DSLContext db;

    AppUserDetailsService(DSLContext db) {
        this.db = db;
    }

    @Override
    public AppUser loadUserByUsername(String username) {
        var user = db.selectFrom(APP_USER).where(APP_USER.USERNAME.eq(username)).fetchOne();
        if (user == null) {
            throw new UsernameNotFoundException("invalid username or password");
        }
        var roles = new HashSet<>(db.select(APP_USER_ROLE.ROLE_NAME).from(APP_USER_ROLE)
                .where(APP_USER_ROLE.USER_ID.eq(user.getUserId())).fetch(APP_USER_ROLE.ROLE_NAME));
        var regions = new HashSet<>(db.select(APP_USER_REGION.REGION_ID).from(APP_USER_REGION)
                .where(APP_USER_REGION.USER_ID.eq(user.getUserId())).fetch(APP_USER_REGION.REGION_ID));
        return new AppUser(user.getUserId(), user.getUsername(), user.getDisplayName(), user.getPasswordHash(),
                user.getEnabled(), roles, regions);
    }
}
