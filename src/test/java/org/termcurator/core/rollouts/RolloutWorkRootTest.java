package org.termcurator.core.rollouts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.termcurator.core.rollouts.agents.OracleAgent;
import org.termcurator.core.rollouts.images.BaseImageMap;
import org.termcurator.core.rollouts.task.RolloutTaskSpec;

/** The work root in a shared folder (like the default one in the temp folder) is private and ours. */
class RolloutWorkRootTest {

    @TempDir
    Path dir;

    private Path shared;

    @BeforeEach
    void aSharedFolderLikeTmp() throws Exception {
        shared = Files.createDirectory(dir.resolve("tmp"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
    }

    private static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void theRootIsCreatedPrivate() throws Exception {
        Path root = RolloutWorkRoot.prepare(shared.resolve("terminal-curator-rollouts"));
        assertThat(root).isDirectory();
        assertThat(mode(root)).isEqualTo("rwx------");
    }

    @Test
    void anExistingRootOfOursIsMadePrivate() throws Exception {
        Path root = Files.createDirectory(shared.resolve("terminal-curator-rollouts"));
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
        RolloutWorkRoot.prepare(root);
        assertThat(mode(root)).isEqualTo("rwx------");
    }

    @Test
    void aPlantedLinkIsRefusedAndNothingIsWrittenThroughIt() throws Exception {
        Path elsewhere = Files.createDirectory(dir.resolve("attacker"));
        Path root = Files.createSymbolicLink(shared.resolve("terminal-curator-rollouts"), elsewhere);
        assertThatThrownBy(() -> RolloutWorkRoot.prepare(root)).hasMessageContaining(root.toString())
                .hasMessageContaining("symbolic link");

        // a rollout with that root fails before Docker is asked, and writes nothing there
        Path task = SampleTasks.minimal(dir, "t", "", "FROM scratch\n", "true\n", "true\n");
        RolloutRunner runner = new RolloutRunner(null, null, BaseImageMap.empty(), root);
        RolloutResult result = runner.run(new RolloutRequest(RolloutTaskSpec.fromTaskDir(task), new OracleAgent(), 1),
                event -> { });
        assertThat(result.status()).isEqualTo(RolloutStatus.ERROR);
        assertThat(result.error()).contains("symbolic link");
        try (var listing = Files.list(elsewhere)) {
            assertThat(listing).isEmpty();
        }
    }

    @Test
    void aFolderOfAnotherUserIsRefused() throws Exception {
        Path root = Files.createDirectory(shared.resolve("terminal-curator-rollouts"));
        UserPrincipal nobody;
        try {
            nobody = root.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
            Files.setOwner(root, nobody);
        } catch (java.io.IOException e) {
            org.junit.jupiter.api.Assumptions.abort("cannot give a folder to another user here: " + e.getMessage());
            return;
        }
        assertThatThrownBy(() -> RolloutWorkRoot.prepare(root)).hasMessageContaining("belongs to nobody");
    }

    @Test
    void aRootOutsideASharedFolderIsTheUsersChoiceAndIsOnlyCreated() throws Exception {
        Path mine = Files.createDirectory(dir.resolve("mine"));
        Files.setPosixFilePermissions(mine, PosixFilePermissions.fromString("rwx------"));
        Path root = RolloutWorkRoot.prepare(mine.resolve("work"));
        assertThat(root).isDirectory();
    }
}
