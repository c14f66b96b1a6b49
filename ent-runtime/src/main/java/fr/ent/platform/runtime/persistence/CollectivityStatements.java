package fr.ent.platform.runtime.persistence;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.regex.Pattern;
import fr.ent.platform.tenancy.DataSourceOverPool;
import javax.sql.DataSource;

/**
 * A collectivity's view of the platform's connection pool: the connections it hands out are the pool's own, but every
 * statement they prepare starts with a comment naming the collectivity's schema ({@code /* t_lyon *&#47; SELECT …}).
 * PostgreSQL's JDBC driver keeps its server-side prepared statements per connection and per SQL text; with one text
 * per collectivity, a pooled connection keeps each collectivity's statements apart, and PostgreSQL reuses a plan
 * only under the search path it was made for, so a statement prepared for collectivity 7 is no longer analysed and
 * planned again because the connection served collectivity 42 in between (docs/adr/0047-…). The SQL itself is
 * unchanged (tables still unqualified, resolved through the unit's search path): the comment only keys the caches.
 * pg_stat_statements ignores comments, so its figures still add up per statement across collectivities.
 */
final class CollectivityStatements extends DataSourceOverPool {

    /** Schema names as {@code TenantNames} derives them: nothing that could end a comment. */
    private static final Pattern SCHEMA = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private final String mark;

    private CollectivityStatements(DataSource pool, String schema) {
        super(pool);
        if (!SCHEMA.matcher(schema).matches()) {
            throw new IllegalArgumentException("not a collectivity schema name: " + schema);
        }
        this.mark = "/* " + schema + " */ ";
    }

    /** The pool's connections, each statement they prepare marked with {@code schema}. */
    static DataSource of(DataSource pool, String schema) {
        return new CollectivityStatements(pool, schema);
    }

    /** The text a statement is prepared with: the collectivity's mark, then the statement unchanged. */
    String marked(String sql) {
        return mark + sql;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return marking(pool.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return marking(pool.getConnection(username, password));
    }

    private Connection marking(Connection connection) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                new Marking(connection));
    }

    /** Marks the SQL of {@code prepareStatement} and {@code prepareCall}; everything else goes to the connection. */
    private final class Marking implements InvocationHandler {

        private final Connection connection;

        Marking(Connection connection) {
            this.connection = connection;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            if (("prepareStatement".equals(name) || "prepareCall".equals(name)) && args != null && args.length > 0
                    && args[0] instanceof String sql) {
                Object[] marked = args.clone();
                marked[0] = marked(sql);
                args = marked;
            }
            try {
                return method.invoke(connection, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return type.isInstance(this) ? type.cast(this) : pool.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || pool.isWrapperFor(type);
    }
}
