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

    /**
     * Creates the demo users through {@code app_bootstrap_user} (V13): the runtime role may not write the user tables,
     * and the function refuses once an enabled admin exists, so the admin comes last.
     */
    static void insert(Connection connection, PasswordEncoder encoder) throws SQLException {
        try (PreparedStatement user = connection.prepareStatement(
                "SELECT app_bootstrap_user(?, ?, ?, ?::VARCHAR[], ?::SMALLINT[])")) {
            for (DemoUser demo : USERS) {
                user.setString(1, demo.username());
                user.setString(2, demo.displayName());
                user.setString(3, encoder.encode("demo"));
                user.setArray(4, connection.createArrayOf("varchar", new Object[] {demo.role()}));
                user.setArray(5, connection.createArrayOf("int2", demo.regions().toArray()));
                user.execute();
            }
        }
        // Each demo user's e-mail address, set the only way the runtime role can: as that user (app_set_my_email, V14).
        try (PreparedStatement as = connection.prepareStatement("SELECT set_config('app.username', ?, false)");
             PreparedStatement email = connection.prepareStatement("SELECT app_set_my_email(?)")) {
            for (DemoUser demo : USERS) {
                as.setString(1, demo.username());
                as.execute();
                email.setString(1, demo.username() + "@demo.consumer360.example");
                email.execute();
            }
            as.setString(1, "");
            as.execute();
        }
    }
}
