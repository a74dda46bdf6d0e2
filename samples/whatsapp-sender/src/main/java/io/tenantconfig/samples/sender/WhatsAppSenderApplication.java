package io.tenantconfig.samples.sender;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A consuming service: the starter dependency and {@code tenant.config.server-url} are all it configures.
 */
@SpringBootApplication
public class WhatsAppSenderApplication {

    public static void main(String[] args) {
        SpringApplication.run(WhatsAppSenderApplication.class, args);
    }
}
