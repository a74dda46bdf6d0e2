package io.tenantconfig.bench.loader;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * Fills the benchmark database with N tenants, once for our schema (tenant_configs + config_properties, created by
 * the server's Liquibase) and once for the stock backend's PROPERTIES table, carrying the same logical data.
 *
 * <p>Usage: {@code java -jar bench-data-loader.jar --jdbc-url URL --tenants N --key BASE64}
 * [{@code --key-id KID}] [{@code --user postgres}] [{@code --check}]. Without a key id the server's default is used
 * (first 8 hex characters of the key's SHA-256). The key is the server's {@code TENANT_CONFIG_ENCRYPTION_KEY}, so the
 * server can decrypt what is loaded here. {@code --check} prints one tenant's expected plain values instead of
 * loading, so the harness can compare them with the server's answer.
 */
public final class BenchDataLoader {

    private BenchDataLoader() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = parse(args);
        int tenants = Integer.parseInt(require(options, "tenants"));
        TenantDataSet dataSet = new TenantDataSet(tenants);
        if (options.containsKey("check")) {
            dataSet.tenant(1).stockProperties().forEach((key, value) -> System.out.println(key + "=" + value));
            return;
        }
        byte[] key = Base64.getDecoder().decode(require(options, "key"));
        SecretSealer sealer = new SecretSealer(key, options.getOrDefault("key-id", SecretSealer.defaultKeyId(key)));
        String url = require(options, "jdbc-url");
        String user = options.getOrDefault("user", "postgres");
        try (Connection connection = DriverManager.getConnection(url, user, options.getOrDefault("password", ""))) {
            connection.setAutoCommit(true);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET synchronous_commit = off");
                // The change-notify triggers would queue one NOTIFY per loaded row; a bulk load needs none.
                statement.execute("SET session_replication_role = replica");
            }
            long start = System.nanoTime();
            new TenantTablesWriter(connection, dataSet, sealer).write();
            log("our tables", start);
            start = System.nanoTime();
            new StockPropertiesWriter(connection, dataSet).write();
            log("stock PROPERTIES", start);
            start = System.nanoTime();
            try (Statement statement = connection.createStatement()) {
                statement.execute("ANALYZE");
            }
            log("ANALYZE", start);
        }
    }

    private static void log(String what, long startNanos) {
        System.out.printf("loaded %s in %.1f s%n", what, (System.nanoTime() - startNanos) / 1e9);
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + args[i]);
            }
            String name = args[i].substring(2);
            boolean flag = i + 1 >= args.length || args[i + 1].startsWith("--");
            options.put(name, flag ? "true" : args[++i]);
        }
        return options;
    }

    private static String require(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("missing --" + name);
        }
        return value;
    }

    static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
