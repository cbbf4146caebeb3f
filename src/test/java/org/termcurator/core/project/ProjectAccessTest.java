package org.termcurator.core.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectAccessTest {

    @TempDir
    Path dir;

    private List<Path> filesIn(Path folder) throws Exception {
        try (var files = Files.list(folder)) {
            return files.sorted().toList();
        }
    }

    @Test
    void createMakesAMissingProjectAndSaysItDidWhileWriteAndReadRefuseIt() throws Exception {
        Path file = dir.resolve("p.curator");
        for (ProjectAccess refusing : List.of(ProjectAccess.READ, ProjectAccess.WRITE)) {
            assertThatThrownBy(() -> refusing.open(file)).isInstanceOf(ProjectOpenException.class)
                    .hasMessage(file.toAbsolutePath() + ": no such file")
                    .extracting(e -> ((ProjectOpenException) e).reason()).isEqualTo(ProjectOpenException.Reason.NOT_FOUND);
        }
        assertThat(filesIn(dir)).isEmpty();

        try (ProjectDb created = ProjectAccess.CREATE.open(file)) {
            assertThat(created.isNewlyCreated()).isTrue();
            assertThat(created.mode()).isEqualTo(ProjectDb.Mode.READ_WRITE);
        }
        try (ProjectDb again = ProjectAccess.CREATE.open(file)) {
            assertThat(again.isNewlyCreated()).isFalse();
        }
        try (ProjectDb read = ProjectAccess.READ.open(file)) {
            assertThat(read.mode()).isEqualTo(ProjectDb.Mode.READ_ONLY);
            assertThat(read.isNewlyCreated()).isFalse();
        }
    }

    @Test
    void aProjectInAReadOnlyFolderIsReadAsItIsAndNotOpenedForWriting() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("share"));
        Path file = folder.resolve("p.curator");
        try (ProjectDb db = ProjectDb.create(file)) {
            db.write(connection -> connection.createStatement().executeUpdate(
                    "INSERT INTO presets(name, settings, created_at, updated_at) VALUES ('kept', '{}', 'now', 'now')"));
        }
        List<Path> before = filesIn(folder);

        try (ReadOnlyPaths readOnly = ReadOnlyPaths.of(folder)) {
            try (ProjectDb db = ProjectAccess.READ.open(file)) {
                assertThat(db.info().counts()).containsEntry("presets", 1L);
                String name = db.read(connection -> {
                    try (var rows = connection.createStatement().executeQuery("SELECT name FROM presets")) {
                        return rows.next() ? rows.getString(1) : null;
                    }
                });
                assertThat(name).isEqualTo("kept");
            }
            assertThatThrownBy(() -> ProjectAccess.WRITE.open(file)).isInstanceOf(ProjectOpenException.class)
                    .extracting(e -> ((ProjectOpenException) e).reason()).isEqualTo(ProjectOpenException.Reason.READ_ONLY);
        }
        assertThat(filesIn(folder)).isEqualTo(before);
    }
}
