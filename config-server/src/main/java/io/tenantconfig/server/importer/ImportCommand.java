package io.tenantconfig.server.importer;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.tenantconfig.server.audit.ConfigAuditLog;
import io.tenantconfig.server.crypto.CryptoConfiguration;
import io.tenantconfig.server.embedded.EmbeddedPostgresConfiguration;
import io.tenantconfig.server.importer.TenantImporter.ImportResult;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.liquibase.autoconfigure.LiquibaseAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

/**
 * {@code java -jar config-server.jar import <file.json> [--spring.datasource.url=...]}: checks the file, then
 * starts only what the import needs (the database, embedded or configured, and Liquibase; no web server),
 * imports and exits. Exit status 0 on success, 1 when the file or the database refuses, 2 for a usage error.
 */
public final class ImportCommand {

    /** The first program argument that selects this command. */
    public static final String NAME = "import";

    private ImportCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        List<String> files = new ArrayList<>();
        List<String> options = new ArrayList<>();
        for (String arg : args) {
            (arg.startsWith("--") ? options : files).add(arg);
        }
        if (files.size() != 1) {
            err.println("Usage: java -jar config-server.jar import <file.json> [--spring.datasource.url=...]");
            return 2;
        }
        Path file = Path.of(files.get(0));
        String source = file.getFileName().toString();
        TenantImportFile content;
        try (InputStream in = Files.newInputStream(file)) {
            content = TenantImportFile.parse(in, source);
        }
        catch (IOException ex) {
            err.println("Cannot read " + file + ": " + ex.getClass().getSimpleName());
            return 2;
        }
        catch (TenantImportException ex) {
            err.println(ex.getMessage());
            return 1;
        }
        // every rule is checked before a database is started, so a typo costs no start-up
        List<String> problems = content.problems();
        if (!problems.isEmpty()) {
            err.println(TenantImportException.of(source, problems).getMessage());
            return 1;
        }
        try (ConfigurableApplicationContext context = start(options)) {
            ImportResult result = context.getBean(TenantImporter.class).importFile(content, source);
            out.println("Imported " + source + " into " + describeDatabase(context.getEnvironment()) + ": tenants "
                    + result.tenantsCreated() + " created, " + result.tenantsUpdated() + " updated; properties "
                    + result.propertiesCreated() + " created, " + result.propertiesUpdated() + " updated.");
            return 0;
        }
        catch (TenantImportException ex) {
            err.println(ex.getMessage());
            return 1;
        }
        catch (RuntimeException ex) {
            err.println("Import failed, nothing imported: " + rootMessage(ex));
            return 1;
        }
    }

    private static ConfigurableApplicationContext start(List<String> options) {
        return new SpringApplicationBuilder(ImportContext.class).web(WebApplicationType.NONE)
            .bannerMode(Banner.Mode.OFF)
            .logStartupInfo(false)
            .properties("logging.level.root=warn")
            .run(options.toArray(String[]::new));
    }

    private static String describeDatabase(Environment environment) {
        String url = environment.getProperty("spring.datasource.url");
        if (url == null || url.isBlank()) {
            return "the embedded database in " + environment.getProperty("tenant-config.embedded.data-dir");
        }
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }

    /** A second PostgreSQL cannot open a data directory that a running server holds: say so plainly. */
    private static String rootMessage(Throwable ex) {
        Throwable root = ex;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = String.valueOf(root.getMessage());
        if (message.contains("lock")) {
            return "the embedded database is in use, probably by a running server. Stop the server and run the "
                    + "import again, or point both at one PostgreSQL with SPRING_DATASOURCE_URL.";
        }
        return root.getClass().getSimpleName() + ": " + message;
    }

    /** Only the database side of the server: no web server, no config server, no security. */
    @ImportAutoConfiguration({ DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
            JdbcTemplateAutoConfiguration.class, JdbcClientAutoConfiguration.class, LiquibaseAutoConfiguration.class })
    @Import({ EmbeddedPostgresConfiguration.class, CryptoConfiguration.class, ConfigAuditLog.class,
            TenantImportConfiguration.class })
    static class ImportContext {
    }
}
