package org.termcurator.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppTempTest {

    @TempDir
    Path base;

    @Test
    void theUsersFolderIsPrivateAndALinkInItsPlaceIsRefused() throws Exception {
        Path root = AppTemp.userRoot(base);
        assertThat(Files.getPosixFilePermissions(root)).isEqualTo(PosixFilePermissions.fromString("rwx------"));

        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxrwxrwx"));
        assertThat(Files.getPosixFilePermissions(AppTemp.userRoot(base)))
                .isEqualTo(PosixFilePermissions.fromString("rwx------"));

        Path other = Files.createDirectories(base.resolve("elsewhere"));
        Files.delete(root);
        Files.createSymbolicLink(root, other);
        assertThatThrownBy(() -> AppTemp.userRoot(base)).hasMessageContaining(root.toString())
                .hasMessageContaining("a link or a file is in its place");
    }

    @Test
    void aFolderAnotherUserOwnsIsRefused() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue("root".equals(System.getProperty("user.name")),
                "only root can hand a folder to another user");
        Path root = AppTemp.userRoot(base);
        Files.setOwner(root, root.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody"));

        assertThatThrownBy(() -> AppTemp.userRoot(base)).hasMessageContaining("belongs to nobody, not to you");
    }

    @Test
    void foldersOfEndedRunsAreDeletedAndThoseOfLiveRunsKept() throws Exception {
        Path root = AppTemp.userRoot(base);
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor();
        Path dead = Files.createDirectories(root.resolve("run-" + ended.pid() + "/import-123/task"));
        Files.writeString(dead.resolve("big.bin"), "left by a crash");
        Path live = Files.createDirectories(root.resolve("run-" + ProcessHandle.current().pid()));

        assertThat(AppTemp.cleanStale(root)).isEqualTo(1);

        assertThat(root.resolve("run-" + ended.pid())).doesNotExist();
        assertThat(live).exists();
    }
}
