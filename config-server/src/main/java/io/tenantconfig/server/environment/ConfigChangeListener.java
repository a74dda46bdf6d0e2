package io.tenantconfig.server.environment;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import org.springframework.context.SmartLifecycle;

/**
 * LISTENs on the change channel over one dedicated connection and evicts what changed, so every instance
 * (and rows edited by hand with psql) invalidates its cache. After losing the connection it reconnects and
 * clears the whole cache, because notifications sent meanwhile are lost.
 */
public class ConfigChangeListener implements SmartLifecycle {

    private static final Log logger = LogFactory.getLog(ConfigChangeListener.class);

    /** {@code application_name} of the listening session. */
    public static final String APPLICATION_NAME = "tenant-config-change-listener";

    private static final int POLL_MILLIS = 500;

    private final DataSource dataSource;

    private final TenantEnvironmentCache cache;

    private final TenantEnvironmentProperties properties;

    private volatile boolean running;

    private Thread worker;

    public ConfigChangeListener(DataSource dataSource, TenantEnvironmentCache cache,
            TenantEnvironmentProperties properties) {
        this.dataSource = dataSource;
        this.cache = cache;
        this.properties = properties;
    }

    @Override
    public void start() {
        running = true;
        worker = new Thread(this::listenUntilStopped, "tenant-config-change-listener");
        worker.setDaemon(true);
        worker.start();
    }

    @Override
    public void stop() {
        running = false;
        if (worker != null) {
            worker.interrupt();
            try {
                worker.join(POLL_MILLIS * 4L);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listenUntilStopped() {
        boolean reconnecting = false;
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                try {
                    listen(connection, reconnecting);
                }
                finally {
                    if (!running) {
                        release(connection);
                    }
                }
            }
            catch (SQLException | RuntimeException ex) {
                if (!running) {
                    return;
                }
                reconnecting = true;
                logger.warn("Change listener lost its database connection (" + ex.getClass().getSimpleName()
                        + "); reconnecting in " + properties.getReconnectDelay().toMillis() + " ms");
                pause();
            }
        }
    }

    /**
     * Everything cached before LISTEN took effect may have missed a notification (lost connection, or a stop and
     * start of this lifecycle), so the cache is cleared each time listening begins.
     */
    private void listen(Connection connection, boolean reconnecting) throws SQLException {
        connection.setAutoCommit(true);
        try (Statement statement = connection.createStatement()) {
            // named, so operators (and tests) can tell this session apart in pg_stat_activity
            statement.execute("SET application_name = '" + APPLICATION_NAME + "'");
            statement.execute("LISTEN " + properties.getNotifyChannel());
        }
        cache.evictAll();
        if (reconnecting) {
            logger.info("Change listener reconnected; cache cleared");
        }
        PGConnection pg = connection.unwrap(PGConnection.class);
        while (running) {
            PGNotification[] notifications = pg.getNotifications(POLL_MILLIS);
            if (notifications != null) {
                for (PGNotification notification : notifications) {
                    cache.evict(notification.getParameter());
                }
            }
        }
    }

    /** The connection goes back to the pool: it must not stay subscribed nor keep the listener's name. */
    private static void release(Connection connection) {
        try (Statement statement = connection.createStatement()) {
            statement.execute("UNLISTEN *");
            statement.execute("RESET application_name");
        }
        catch (SQLException ex) {
            // a broken connection is discarded by the pool; nothing is left subscribed on it
        }
    }

    private void pause() {
        try {
            Thread.sleep(properties.getReconnectDelay().toMillis());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
