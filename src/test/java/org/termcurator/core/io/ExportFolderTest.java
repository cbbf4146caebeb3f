package org.termcurator.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ExportFolderTest {

    static final String APP = "Test Curator";
    static final int FILES = 40;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** An export of {@code files} files under tasks/, each holding {@code label}, and its manifest. */
    static void writeExport(Path folder, String label, int files) throws IOException {
        ObjectNode manifest = JSON.createObjectNode().put("app", APP).put("label", label);
        var list = manifest.putArray("files");
        for (int i = 0; i < files; i++) {
            String path = "tasks/task-" + i + "/instruction.md";
            Files.createDirectories(folder.resolve(path).getParent());
            Files.writeString(folder.resolve(path), label + " " + i);
            list.addObject().put("path", path);
        }
        Files.writeString(folder.resolve(ExportFolder.MANIFEST), JSON.writeValueAsString(manifest));
    }

    /** The label of the whole export in {@code folder}, failing when any file it lists is missing or not its own. */
    static String wholeExport(Path folder) throws IOException {
        JsonNode manifest = JSON.readTree(folder.resolve(ExportFolder.MANIFEST).toFile());
        String label = manifest.path("label").asText();
        int i = 0;
        for (JsonNode file : manifest.path("files")) {
            assertThat(folder.resolve(file.path("path").asText())).hasContent(label + " " + i++);
        }
        assertThat(i).isEqualTo(FILES);
        return label;
    }

    private ExportFolder folder(Path out) throws IOException {
        return ExportFolder.of(out, APP, dir.resolve("journal"));
    }

    private void export(Path out, String label) throws IOException {
        try (ExportFolder.Staging staging = folder(out).stage()) {
            writeExport(staging.path(), label, FILES);
            staging.commit();
        }
    }

    private List<String> namesIn(Path folder) throws IOException {
        try (Stream<Path> list = Files.list(folder)) {
            // the journal of swaps under way is the test's stand-in for the app's config folder
            return list.map(path -> path.getFileName().toString()).filter(name -> !name.equals("journal"))
                    .sorted().toList();
        }
    }

    @Test
    void exportIntoAMissingOrEmptyFolderAndThenOverItsOwnEarlierExport() throws Exception {
        Path out = dir.resolve("out");
        export(out, "first");
        assertThat(wholeExport(out)).isEqualTo("first");

        export(out, "second");

        assertThat(wholeExport(out)).isEqualTo("second");
        assertThat(namesIn(dir)).containsExactly("out");
        Path empty = Files.createDirectories(dir.resolve("empty"));
        export(empty, "third");
        assertThat(wholeExport(empty)).isEqualTo("third");
    }

    @Test
    void aFolderOfTheUsersWithoutAManifestIsRefusedNamingWhatIsThereAndLeftAsItWas() throws Exception {
        Path out = dir.resolve("out");
        Files.createDirectories(out.resolve("tasks/mine"));
        Files.writeString(out.resolve("tasks/mine/task.toml"), "mine");
        Files.writeString(out.resolve("train.jsonl"), "{\"mine\": true}\n");

        assertThatThrownBy(() -> folder(out).stage())
                .isInstanceOf(ExportTargetException.class)
                .hasMessageContaining(out.toString())
                .hasMessageContaining("holds no export of " + APP)
                .hasMessageContaining("tasks/mine/task.toml")
                .hasMessageContaining("train.jsonl");
        assertThat(out.resolve("tasks/mine/task.toml")).hasContent("mine");
        assertThat(out.resolve("train.jsonl")).hasContent("{\"mine\": true}");
        assertThat(namesIn(dir)).containsExactly("out");
    }

    @Test
    void anEarlierExportWithAFileOfTheUsersBesideItIsRefused() throws Exception {
        Path out = dir.resolve("out");
        export(out, "first");
        Files.writeString(out.resolve("notes.txt"), "mine");

        assertThatThrownBy(() -> folder(out).stage())
                .isInstanceOf(ExportTargetException.class)
                .hasMessageContaining("files it did not write: notes.txt");
        assertThat(wholeExport(out)).isEqualTo("first");
    }

    @Test
    void aManifestOfAnotherAppDoesNotMakeAFolderReplaceable() throws Exception {
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.writeString(out.resolve(ExportFolder.MANIFEST), "{\"app\": \"other\", \"files\": []}");

        assertThatThrownBy(() -> folder(out).stage()).isInstanceOf(ExportTargetException.class)
                .hasMessageContaining("manifest.json");
    }

    @Test
    void aFileAsTheOutputFolderIsRefusedAsAFile() throws Exception {
        Path file = Files.writeString(dir.resolve("passwd"), "root:x:0:0");

        assertThatThrownBy(() -> folder(file).stage()).isInstanceOf(ExportTargetException.class)
                .hasMessage(file + " is a file, not a folder: choose a folder to export into");
        assertThat(file).hasContent("root:x:0:0");
    }

    @Test
    void staleStagingFoldersBesideAndInsideAreCleanedByTheNextExport() throws Exception {
        Path out = dir.resolve("out");
        export(out, "first");
        Files.createDirectories(dir.resolve(".out.curator-export-1234abcd/tasks"));
        Files.createDirectories(out.resolve(".curator-export-987654/tasks"));
        Files.writeString(out.resolve(".curator-export-987654/tasks/x"), "half");

        export(out, "second");

        assertThat(namesIn(dir)).containsExactly("out");
        assertThat(namesIn(out)).containsExactly("manifest.json", "tasks");
    }

    @Test
    void anUncommittedStagingFolderIsDeletedAndTheOutputFolderKept() throws Exception {
        Path out = dir.resolve("out");
        export(out, "first");

        try (ExportFolder.Staging staging = folder(out).stage()) {
            writeExport(staging.path(), "never", 3);
        }

        assertThat(wholeExport(out)).isEqualTo("first");
        assertThat(namesIn(dir)).containsExactly("out");
    }

    @Test
    void onLinuxTwoFoldersAreExchangedInOneStep() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getProperty("os.name").toLowerCase().contains("linux"));
        Path a = Files.createDirectories(dir.resolve("a"));
        Path b = Files.createDirectories(dir.resolve("b"));
        Files.writeString(a.resolve("x"), "a");
        Files.writeString(b.resolve("x"), "b");

        assertThat(DirectoryExchange.available()).as("renameat2 through the foreign function API").isPresent();
        assertThat(DirectoryExchange.available().orElseThrow().exchange(a, b)).isZero();

        assertThat(a.resolve("x")).hasContent("b");
        assertThat(b.resolve("x")).hasContent("a");
    }

    static Stream<Arguments> killPoints() {
        List<Arguments> points = new ArrayList<>();
        for (ExportFolder.Step step : ExportFolder.Step.values()) {
            points.add(Arguments.of(step, "rename"));
            if (step != ExportFolder.Step.MOVED_ASIDE) {
                points.add(Arguments.of(step, "exchange"));
            }
        }
        return points.stream();
    }

    @ParameterizedTest(name = "kill -9 at {0} ({1})")
    @MethodSource("killPoints")
    void killAtEveryStepOfTheSwapLeavesOneWholeExportAfterRecovery(ExportFolder.Step step, String mode)
            throws Exception {
        Path out = dir.resolve("out");
        Path journal = dir.resolve("journal");
        export(out, "old");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                ExportSwapChild.class.getName(), out.toString(), journal.toString(), step.name(), mode)
                .redirectErrorStream(true).start();
        try {
            var reader = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            String line;
            do {
                line = reader.readLine();
            } while (line != null && !line.startsWith("at "));
            assertThat(line).as("the child reached the step").isEqualTo("at " + step);
        } finally {
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no finally block of the child runs
            assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
        }

        // a reader at this moment: with the exchange the output folder is always one whole export
        if (mode.equals("exchange") || step != ExportFolder.Step.MOVED_ASIDE) {
            assertThat(wholeExport(out)).isIn("old", "new");
        } else {
            assertThat(out).doesNotExist();
        }

        // the app's next start finishes or rolls back the swap and cleans up
        ExportFolder.recoverPending(APP, journal);
        folder(out).recover();

        String label = wholeExport(out);
        assertThat(label).isEqualTo(step.compareTo(ExportFolder.Step.SWAPPED) >= 0 ? "new" : "old");
        assertThat(namesIn(dir)).containsExactly("out");
        if (Files.exists(journal)) {
            assertThat(namesIn(journal)).isEmpty();
        }
    }

    @Test
    void startupRecoveryRollsBackASwapCutShortAfterTheOldExportWasMovedAside() throws Exception {
        Path out = dir.resolve("out");
        Path journal = dir.resolve("journal");
        export(out, "old");
        // as the two-rename swap leaves it when killed between its renames
        Files.createDirectories(journal);
        Files.move(out, dir.resolve(".out.curator-previous"));
        Files.createDirectories(dir.resolve(".out.curator-export-0000aaaa"));
        writeExport(dir.resolve(".out.curator-export-0000aaaa"), "new", FILES);
        Files.writeString(journal.resolve("x.swap"), out + "\n");

        assertThat(ExportFolder.recoverPending(APP, journal)).containsExactly(out);

        assertThat(wholeExport(out)).isEqualTo("old");
        assertThat(namesIn(dir)).containsExactly("out");
    }
}
