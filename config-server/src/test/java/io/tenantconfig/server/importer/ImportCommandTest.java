package io.tenantconfig.server.importer;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import io.tenantconfig.server.support.TestDatabase;
import io.tenantconfig.server.support.TestKeys;
import io.tenantconfig.server.support.TestRows;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code java -jar config-server.jar import <file>} as an operator runs it, against the shared PostgreSQL. */
class ImportCommandTest {

    @TempDir
    Path dir;

    final ByteArrayOutputStream out = new ByteArrayOutputStream();

    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    final TestRows rows = new TestRows();

    @AfterEach
    void removeRows() {
        rows.jdbc().update("DELETE FROM tenant_configs WHERE tenant_id = 'cmd-tenant'");
        rows.jdbc().update("DELETE FROM config_properties WHERE application = 'cmd-tenant'");
    }

    private int run(String... args) {
        return ImportCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private Path file(String json) throws Exception {
        Path file = dir.resolve("tenants.json");
        Files.writeString(file, json);
        return file;
    }

    @Test
    void importsIntoTheConfiguredDatabaseAndSaysWhat() throws Exception {
        Path file = file("""
                {"tenants": [{"tenant_id": "cmd-tenant", "phone_number_id": "555", "access_token": "cmd-token"}],
                 "properties": [{"application": "cmd-tenant", "key": "feature.x", "value": "on"}]}""");

        int status = run(file.toString(), "--spring.datasource.url=" + TestDatabase.jdbcUrl(),
                "--spring.datasource.username=postgres", "--tenant-config.encryption.key=" + TestKeys.ENCRYPTION_KEY);

        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
            .contains("Imported tenants.json into jdbc:postgresql:")
            .contains("tenants 1 created, 0 updated; properties 1 created, 0 updated.");
        assertThat(rows.jdbc().queryForObject(
                "SELECT access_token FROM tenant_configs WHERE tenant_id = 'cmd-tenant'", String.class))
            .startsWith("enc:v1:");
    }

    @Test
    void badFileExitsNonZeroNamingTheEntryBeforeAnyDatabaseStarts() throws Exception {
        Path file = file("""
                {"tenants": [{"tenant_id": "cmd-tenant", "phone_number_id": "not-digits"}]}""");

        int status = run(file.toString(), "--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/none");

        assertThat(status).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("tenants[0] (tenant_id \"cmd-tenant\")")
            .contains("phone_number_id")
            .contains("nothing imported");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void embeddedDataFolderHeldByAServerGivesOnePlainLineAndExitOne() throws Exception {
        Path home = dir.resolve("home");
        Path data = home.resolve("pgdata");
        Files.createDirectories(data);
        // an initialised data folder, as a server leaves it, so the import goes straight to locking it
        Files.writeString(data.resolve("postgresql.conf"), "");
        Path file = file("""
                {"tenants": [{"tenant_id": "cmd-tenant", "phone_number_id": "555", "access_token": "cmd-token"}]}""");

        int status;
        // embedded PostgreSQL holds this lock for as long as a server runs on the folder
        try (FileChannel lockFile = FileChannel.open(data.resolve("epg-lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock heldByServer = lockFile.lock()) {
            status = run(file.toString(), "--tenant-config.home=" + home);
        }

        assertThat(status).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("Import failed, nothing imported: a server is"
                + " using " + data + "; stop it, or point SPRING_DATASOURCE_URL at the database."
                + System.lineSeparator());
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void missingOrUnreadableFileIsAUsageError() {
        assertThat(run()).isEqualTo(2);
        assertThat(run(dir.resolve("absent.json").toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Usage:").contains("Cannot read");
    }
}
