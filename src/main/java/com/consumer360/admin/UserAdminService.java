package com.consumer360.admin;

import static com.consumer360.jooq.Tables.APP_USER;
import static com.consumer360.jooq.Tables.APP_USER_REGION;
import static com.consumer360.jooq.Tables.APP_USER_ROLE;
import static com.consumer360.jooq.Tables.DIM_REGION;
import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.select;

import com.consumer360.security.Roles;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Records;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Users, their roles and region assignments; admins only. */
@Service
public class UserAdminService {

    private final DSLContext db;

    UserAdminService(DSLContext db) {
        this.db = db;
    }

    /** All users, by user name. */
    @PreAuthorize(Roles.ADMIN_ONLY)
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
}
