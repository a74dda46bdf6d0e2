package io.tenantconfig.bench.stock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.cloud.config.server.EnableConfigServer;

/**
 * The baseline: an unmodified Spring Cloud Config server on its JDBC backend, as a user would deploy it
 * before choosing ours. Everything it does comes from the library; only the datasource and profile are set.
 */
@SpringBootApplication
@EnableConfigServer
public class StockConfigServerApplication {

    public static void main(String[] args) {
        SpringApplication.run(StockConfigServerApplication.class, args);
    }
}
