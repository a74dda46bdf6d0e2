package io.tenantconfig.bench.loader;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

/**
 * The stock JDBC backend's table: its default query is
 * {@code SELECT "KEY", "VALUE" from PROPERTIES where APPLICATION=? and PROFILE=? and LABEL=?}, so KEY and VALUE are
 * quoted upper-case columns; the label is the stock default {@code master}. The index on (application, profile,
 * label) is what any operator of that backend adds; without it every request would scan the whole table.
 */
final class StockPropertiesWriter {

    private static final String STOCK_LABEL = "master";
    private static final String PROFILE = "default";

    private final Connection connection;
    private final TenantDataSet dataSet;

    StockPropertiesWriter(Connection connection, TenantDataSet dataSet) {
        this.connection = connection;
        this.dataSet = dataSet;
    }

    void write() throws SQLException {
        BenchDataLoader.execute(connection, "DROP TABLE IF EXISTS properties");
        BenchDataLoader.execute(connection, "CREATE TABLE properties (application text NOT NULL, profile text, "
                + "label text NOT NULL, \"KEY\" text NOT NULL, \"VALUE\" text)");
        try (CopyStream copy = new CopyStream(connection,
                "COPY properties (application, profile, label, \"KEY\", \"VALUE\") FROM STDIN")) {
            for (Map.Entry<String, String> entry : TenantDataSet.SHARED_DEFAULTS.entrySet()) {
                copy.row(TenantDataSet.SHARED_APPLICATION, PROFILE, STOCK_LABEL, entry.getKey(), entry.getValue());
            }
            for (int number = 1; number <= dataSet.tenants(); number++) {
                TenantDataSet.Tenant tenant = dataSet.tenant(number);
                for (Map.Entry<String, String> entry : tenant.stockProperties().entrySet()) {
                    copy.row(tenant.id(), PROFILE, STOCK_LABEL, entry.getKey(), entry.getValue());
                }
            }
        }
        BenchDataLoader.execute(connection,
                "CREATE INDEX properties_application_profile_label ON properties (application, profile, label)");
    }
}
