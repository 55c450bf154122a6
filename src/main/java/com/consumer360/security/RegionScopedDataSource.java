package com.consumer360.security;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Binds the current {@link RegionScope} to every connection it hands out ({@code app.region_ids}, read by
 * the row-level security policies) and clears it when the connection goes back to the pool, so a pooled
 * connection never carries one user's scope into another's work. Everything that reads the database
 * through the application's data source (jOOQ, JDBC, exports) gets the scope without asking for it.
 */
final class RegionScopedDataSource extends DelegatingDataSource {

    private static final String BIND =
            "SELECT set_config('app.region_ids', ?, false), set_config('app.username', ?, false)";

    RegionScopedDataSource(DataSource target) {
        super(target);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return scoped(super.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return scoped(super.getConnection(username, password));
    }

    private static Connection scoped(Connection connection) throws SQLException {
        try {
            RegionScope scope = CurrentRegionScope.get();
            bind(connection, scope.settingValue(), scope.principal());
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
        return (Connection) Proxy.newProxyInstance(RegionScopedDataSource.class.getClassLoader(),
                new Class<?>[] {Connection.class}, new ClearOnClose(connection));
    }

    private static void bind(Connection connection, String regionIds, String principal) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        try (PreparedStatement statement = connection.prepareStatement(BIND)) {
            statement.setString(1, regionIds);
            statement.setString(2, principal);
            statement.execute();
        }
        if (!autoCommit) {
            // Make the setting survive a rollback of the caller's transaction.
            connection.commit();
        }
    }

    /** Clears the scope before the connection returns to the pool; a connection that cannot be cleared is evicted. */
    private record ClearOnClose(Connection target) implements InvocationHandler {

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (method.getName().equals("close")) {
                clearAndClose();
                return null;
            }
            if (method.getName().equals("unwrap") && args[0] == Connection.class) {
                return proxy;
            }
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }

        private void clearAndClose() throws SQLException {
            if (target.isClosed()) {
                return;
            }
            try {
                if (!target.getAutoCommit()) {
                    target.rollback();
                }
                bind(target, "", "");
            } catch (SQLException e) {
                target.abort(Runnable::run);
                return;
            }
            target.close();
        }
    }
}
