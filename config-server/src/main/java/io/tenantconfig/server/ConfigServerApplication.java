package io.tenantconfig.server;

import java.util.Arrays;

import io.tenantconfig.server.importer.ImportCommand;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.cloud.config.server.EnableConfigServer;

@SpringBootApplication
@EnableConfigServer
public class ConfigServerApplication {

    public static void main(String[] args) {
        if (args.length > 0 && ImportCommand.NAME.equals(args[0])) {
            System.exit(ImportCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        SpringApplication.run(ConfigServerApplication.class, args);
    }
}
