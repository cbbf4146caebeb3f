package org.termcurator.core.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WalStatusTest {

    @TempDir
    Path dir;

    private static Path wal(Path project) {
        return project.resolveSibling(project.getFileName() + "-wal");
    }

    @Test
    void aClosedProjectHasNoWalAndACrashedWritersWalIsPending() throws Exception {
        Path project = dir.resolve("b.curator");
        ProjectDb.create(project).close();
        try (ProjectDb db = ProjectDb.open(project, ProjectDb.Mode.READ_ONLY)) {
            assertThat(db.info().wal().state()).isEqualTo(WalStatus.State.NONE);
        }

        WalWriterChild.writeAndKill(project, 3);

        assertThat(wal(project)).isNotEmptyFile();
        try (ProjectDb db = ProjectDb.open(project, ProjectDb.Mode.READ_ONLY)) {
            WalStatus wal = db.info().wal();
            assertThat(wal.state()).isEqualTo(WalStatus.State.PENDING);
            assertThat(wal.frames()).isPositive();
            assertThat(wal.describe()).contains("copy b.curator-wal together with the project file");
            assertThat(db.info().counts().get("presets")).isEqualTo(3);
        }
        // the next open for writing folds it in, and closing leaves the file whole
        ProjectDb.open(project).close();
        assertThat(Files.exists(wal(project)) ? Files.size(wal(project)) : 0).isZero();
        try (ProjectDb db = ProjectDb.open(project, ProjectDb.Mode.READ_ONLY)) {
            assertThat(db.info().wal().state()).isEqualTo(WalStatus.State.NONE);
            assertThat(db.info().counts().get("presets")).isEqualTo(3);
        }
    }

    @Test
    void aWalOfAnotherProjectIsReportedLeftOutOfReadsAndRefusedForWriting() throws Exception {
        Path mine = dir.resolve("a.curator");
        Path other = dir.resolve("b.curator");
        ProjectDb.create(mine).close();
        ProjectDb.create(other).close();
        WalWriterChild.writeAndKill(other, 3);
        Files.copy(wal(other), wal(mine));
        byte[] before = Files.readAllBytes(mine);

        try (ProjectDb db = ProjectDb.open(mine, ProjectDb.Mode.READ_ONLY)) {
            ProjectInfo info = db.info();
            assertThat(info.wal().state()).isEqualTo(WalStatus.State.FOREIGN);
            assertThat(info.wal().describe()).contains("a.curator-wal does not belong to this project");
            assertThat(info.counts().get("presets")).as("the file read as it is, without the foreign rows").isZero();
        }
        assertThatThrownBy(() -> ProjectDb.open(mine)).isInstanceOf(ProjectOpenException.class)
                .hasMessageContaining("does not belong to this project");
        assertThat(Files.readAllBytes(mine)).as("the project file untouched").isEqualTo(before);

        Files.delete(wal(mine));
        Files.deleteIfExists(mine.resolveSibling("a.curator-shm"));
        try (ProjectDb db = ProjectDb.open(mine)) {
            assertThat(db.info().counts().get("presets")).isZero();
        }
    }
}
