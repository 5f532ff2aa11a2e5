package dev.bongsu.app.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.bongsu.app.Main;
import dev.bongsu.model.store.NewerSchemaException;
import dev.bongsu.model.store.SchemaVersion;
import dev.bongsu.model.store.SqliteDatabase;
import io.vertx.core.Vertx;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Schema versions of the SQLite files: recorded on open, older ones brought forward, newer ones (a downgrade) refused. */
class SchemaVersionTest {
    private final Vertx vertx = Vertx.vertx();

    @TempDir
    Path dir;

    @AfterEach
    void close() {
        vertx.close().await();
    }

    @Test
    void aNewFileRecordsTheVersionItsTablesHave() throws Exception {
        Path file = dir.resolve("maintenance.db");
        SqliteDatabase db = new SqliteDatabase(vertx, "test", file);
        db.open(3, c -> createTable(c)).await();
        db.close().await();

        assertThat(userVersion(file)).isEqualTo(3);
    }

    @Test
    void aFileFromBeforeVersionsAndAnOlderOneAreBroughtForward() throws Exception {
        Path unversioned = dir.resolve("outbox.db");
        Path older = dir.resolve("operator.db");
        writeFile(unversioned, 0);
        writeFile(older, 1);

        for (Path file : new Path[] {unversioned, older}) {
            SqliteDatabase db = new SqliteDatabase(vertx, "test", file);
            db.open(2, c -> createTable(c)).await();
            db.close().await();
            assertThat(userVersion(file)).as(file.toString()).isEqualTo(2);
        }
    }

    @Test
    void aFileFromANewerBongsuIsRefusedBeforeItsTablesAreTouched() throws Exception {
        Path file = dir.resolve("subscribers.db");
        writeFile(file, 3);
        SqliteDatabase db = new SqliteDatabase(vertx, "test", file);

        assertThatThrownBy(() -> db.open(2, c -> {
            throw new AssertionError("the schema code must not run on a newer file");
        }).await()).isInstanceOf(NewerSchemaException.class)
                .hasMessage(file + " has schema version 3 but this Bongsu (0.1.0-SNAPSHOT) knows up to 2: it was written by a "
                        + "newer Bongsu. Downgrading is not supported: run the newer version or restore the backup taken before "
                        + "the upgrade.");
        db.close().await();
        assertThat(userVersion(file)).isEqualTo(3);
    }

    @Test
    void startingOnADatabaseFromANewerBongsuIsAOneLineErrorWithStatusTwo() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        writeFile(data.resolve("incidents.db"), 7);
        Path config = dir.resolve("bongsu.yaml");
        Files.writeString(config, """
                http: {host: 127.0.0.1, port: 0}
                storage: {dir: "%s"}
                services:
                  - id: web
                    name: Web
                    provider: example
                    category: web
                    checks:
                      - {type: tcp, host: 127.0.0.1, port: 9, interval: 5s, timeout: 1s}
                """.formatted(data));
        StringWriter err = new StringWriter();
        var cli = Main.commandLine();
        cli.setErr(new PrintWriter(err, true));
        cli.setOut(new PrintWriter(new StringWriter(), true));

        int status = assertTimeoutPreemptively(Duration.ofSeconds(90), () -> cli.execute("run", "--config", config.toString()));

        assertThat(status).isEqualTo(Main.EXIT_CONFIG);
        assertThat(err.toString()).isEqualTo("bongsu: " + data.resolve("incidents.db") + " has schema version 7 but this Bongsu "
                + "(0.1.0-SNAPSHOT) knows up to 1: it was written by a newer Bongsu. Downgrading is not supported: run the newer "
                + "version or restore the backup taken before the upgrade." + System.lineSeparator());
    }

    private static Void createTable(Connection c) throws Exception {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS t (id INTEGER PRIMARY KEY)");
        }
        return null;
    }

    private static void writeFile(Path file, int version) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            createTable(c);
            if (version > 0) {
                SchemaVersion.record(c, version);
            }
        }
    }

    private static int userVersion(Path file) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            return SchemaVersion.read(c);
        }
    }
}
