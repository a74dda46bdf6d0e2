package io.tenantconfig.server.importer;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import io.tenantconfig.server.audit.ConfigAuditLog;
import io.tenantconfig.server.crypto.CryptoConfiguration;
import io.tenantconfig.server.embedded.EmbeddedPostgresConfiguration;
import io.tenantconfig.server.importer.TenantImporter.ImportResult;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.liquibase.autoconfigure.LiquibaseAutoConfiguration;
import org.springframework.context.ApplicationListener;
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

    private static final String EMBEDDED_DATA_DIR = "tenant-config.embedded.data-dir";

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
        AtomicReference<Environment> environment = new AtomicReference<>();
        try (ConfigurableApplicationContext context = start(options, environment)) {
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
            if (holdsEmbeddedDataDirectory(ex)) {
                err.println("Import failed, nothing imported: a server is using "
                        + embeddedDataDirectory(environment.get()) + "; stop it, or point SPRING_DATASOURCE_URL at the"
                        + " database.");
            }
            else {
                err.println("Import failed, nothing imported: " + rootMessage(ex));
            }
            return 1;
        }
    }

    /**
     * The command reports a failed start itself, in one line: Boot's failure report and the context's refresh
     * warning would only repeat it with a stack trace.
     */
    private static ConfigurableApplicationContext start(List<String> options, AtomicReference<Environment> environment) {
        return new SpringApplicationBuilder(ImportContext.class).web(WebApplicationType.NONE)
            .bannerMode(Banner.Mode.OFF)
            .logStartupInfo(false)
            .properties("logging.level.root=warn", "logging.level.org.springframework.boot.SpringApplication=off",
                    "logging.level.org.springframework.context=error")
            .listeners((ApplicationListener<ApplicationEnvironmentPreparedEvent>) event -> environment
                .set(event.getEnvironment()))
            .run(options.toArray(String[]::new));
    }

    private static String embeddedDataDirectory(Environment environment) {
        String dataDir = environment == null ? null : environment.getProperty(EMBEDDED_DATA_DIR);
        return dataDir == null ? "the embedded data folder" : dataDir;
    }

    /**
     * Embedded PostgreSQL locks its data directory: another process holding it fails with "could not lock",
     * another context in this JVM with an overlapping lock.
     */
    private static boolean holdsEmbeddedDataDirectory(Throwable ex) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof OverlappingFileLockException || String.valueOf(cause.getMessage())
                .startsWith("could not lock")) {
                return true;
            }
        }
        return false;
    }

    private static String describeDatabase(Environment environment) {
        String url = environment.getProperty("spring.datasource.url");
        if (url == null || url.isBlank()) {
            return "the embedded database in " + embeddedDataDirectory(environment);
        }
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }

    private static String rootMessage(Throwable ex) {
        Throwable root = ex;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    /** Only the database side of the server: no web server, no config server, no security. */
    @ImportAutoConfiguration({ DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
            JdbcTemplateAutoConfiguration.class, JdbcClientAutoConfiguration.class, LiquibaseAutoConfiguration.class })
    @Import({ EmbeddedPostgresConfiguration.class, CryptoConfiguration.class, ConfigAuditLog.class,
            TenantImportConfiguration.class })
    static class ImportContext {
    }
}
