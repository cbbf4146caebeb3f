package org.termcurator.core.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The writer's settings for bulk imports, and the checkpoints that run beside the writer meanwhile. */
class BulkImportTuningTest {

    @TempDir
    Path dir;

    @Test
    void newProjectsUseEightKilobytePages() throws Exception {
        try (ProjectDb db = ProjectDb.create(dir.resolve("p.curator"))) {
            assertThat(writerPragma(db, "page_size")).isEqualTo(8192);
        }
    }

    @Test
    void overlappingImportsKeepTheBulkSettingsUntilTheLastOneEnds() throws Exception {
        try (ProjectDb db = ProjectDb.create(dir.resolve("p.curator"))) {
            long cache = writerPragma(db, "cache_size");
            long checkpoint = writerPragma(db, "wal_autocheckpoint");

            BulkImportTuning first = BulkImportTuning.apply(db);
            BulkImportTuning second = BulkImportTuning.apply(db);
            assertThat(writerPragma(db, "cache_size")).isEqualTo(-65536);
            assertThat(writerPragma(db, "wal_autocheckpoint")).as("256 MB of 8 KiB pages").isEqualTo(32768);

            first.restore();
            assertThat(writerPragma(db, "cache_size")).as("the second import still runs").isEqualTo(-65536);
            first.restore();
            assertThat(writerPragma(db, "cache_size")).as("restoring twice counts once").isEqualTo(-65536);

            second.restore();
            assertThat(writerPragma(db, "cache_size")).isEqualTo(cache);
            assertThat(writerPragma(db, "wal_autocheckpoint")).isEqualTo(checkpoint);
        }
    }

    @Test
    void duringABulkImportTheWalIsCopiedBackWithoutTheWriterCheckpointing() throws Exception {
        Path file = dir.resolve("p.curator");
        try (ProjectDb db = ProjectDb.create(file)) {
            BulkImportTuning tuning = BulkImportTuning.apply(db);
            try {
                // 40 MB of rows: under the writer's own limit of 256 MB, so only the second connection checkpoints
                db.write(connection -> {
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("CREATE TABLE filler(text TEXT)");
                    }
                    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO filler VALUES (?)")) {
                        String text = "x".repeat(4000);
                        for (int i = 0; i < 10_000; i++) {
                            insert.setString(1, text);
                            insert.executeUpdate();
                        }
                    }
                    return null;
                });
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (Files.size(file) < 40_000_000L && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                assertThat(Files.size(file)).as("the rows reached the project file while the import ran")
                        .isGreaterThan(40_000_000L);
            } finally {
                tuning.restore();
            }
        }
    }

    private static long writerPragma(ProjectDb db, String name) throws SQLException {
        return db.write(connection -> {
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("PRAGMA " + name)) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }
}
