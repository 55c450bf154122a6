package com.consumer360.demodata;

import com.consumer360.security.Roles;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The demo sign-ins, one per role and one manager per region, all with the password {@code demo}. */
final class DemoUsers {

    record DemoUser(long id, String username, String displayName, String role, List<Short> regions) {
    }

    static final List<Short> ALL_REGIONS = List.of((short) 1, (short) 2, (short) 3, (short) 4, (short) 5);

    static final List<DemoUser> USERS = List.of(
            new DemoUser(1, "north", "Nora North", Roles.REGIONAL_MANAGER, List.of((short) 1)),
            new DemoUser(2, "south", "Sam South", Roles.REGIONAL_MANAGER, List.of((short) 2)),
            new DemoUser(3, "east", "Erik East", Roles.REGIONAL_MANAGER, List.of((short) 3)),
            new DemoUser(4, "west", "Wendy West", Roles.REGIONAL_MANAGER, List.of((short) 4)),
            new DemoUser(5, "central", "Carla Central", Roles.REGIONAL_MANAGER, List.of((short) 5)),
            new DemoUser(6, "exec", "Eva Executive", Roles.EXECUTIVE, ALL_REGIONS),
            new DemoUser(7, "csops", "Chris CS-Ops", Roles.CS_OPS, ALL_REGIONS),
            new DemoUser(8, "admin", "Ada Admin", Roles.ADMIN, ALL_REGIONS));

    private DemoUsers() {
    }

    static void insert(Connection connection, PasswordEncoder encoder) throws SQLException {
        try (PreparedStatement user = connection.prepareStatement(
                "INSERT INTO app_user (user_id, username, display_name, password_hash) VALUES (?, ?, ?, ?)");
             PreparedStatement role = connection.prepareStatement(
                     "INSERT INTO app_user_role (user_id, role_name) VALUES (?, ?)");
             PreparedStatement region = connection.prepareStatement(
                     "INSERT INTO app_user_region (user_id, region_id) VALUES (?, ?)")) {
            for (DemoUser demo : USERS) {
                user.setLong(1, demo.id());
                user.setString(2, demo.username());
                user.setString(3, demo.displayName());
                user.setString(4, encoder.encode("demo"));
                user.addBatch();
                role.setLong(1, demo.id());
                role.setString(2, demo.role());
                role.addBatch();
                for (short regionId : demo.regions()) {
                    region.setLong(1, demo.id());
                    region.setShort(2, regionId);
                    region.addBatch();
                }
            }
            user.executeBatch();
            role.executeBatch();
            region.executeBatch();
        }
    }
}
