package fr.ent.platform.runtime.persistence;

import java.io.PrintWriter;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;

/** A pool of one connection: every unit gets the same physical connection, as a small busy pool does. */
final class OneConnectionPool implements DataSource {
    final Connection physical;
    final AtomicInteger handedOut = new AtomicInteger();
    final AtomicInteger givenBack = new AtomicInteger();

    OneConnectionPool(Connection physical) {
        this.physical = physical;
    }

    @Override
    public Connection getConnection() {
        handedOut.incrementAndGet();
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("close")) {
                        physical.setAutoCommit(true); // as a pool resets a connection it takes back
                        givenBack.incrementAndGet();
                        return null;
                    }
                    try {
                        return method.invoke(physical, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Override
    public Connection getConnection(String user, String password) {
        return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
    }

    @Override
    public void setLoginTimeout(int seconds) {
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() {
        return Logger.getGlobal();
    }

    @Override
    public <T> T unwrap(Class<T> type) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return false;
    }
}
