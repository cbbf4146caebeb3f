package org.termcurator.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.termcurator.app.AppContext;
import org.termcurator.core.docker.DockerAddress;
import org.termcurator.core.settings.Settings;
import org.termcurator.core.settings.SettingsStore;
import org.termcurator.ui.session.ScriptedFileDialogs;
import org.termcurator.ui.shell.MainWindow;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Settings dialog in the real window, headless: the Docker, rollout and LLM settings round-trip. */
@ExtendWith(ApplicationExtension.class)
class SettingsDialogTest {

    @TempDir
    static Path dir;

    private AppContext context;
    private Path settingsFile;

    @Start
    void start(Stage stage) throws Exception {
        settingsFile = Files.createTempDirectory(dir, "config").resolve("settings.json");
        context = new AppContext(new SettingsStore(settingsFile), new ScriptedFileDialogs());
        new MainWindow(context.ui()).show(stage);
    }

    @AfterEach
    void close() {
        WaitForAsyncUtils.asyncFx(() -> context.close());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void openDialog(FxRobot robot) {
        robot.press(KeyCode.CONTROL, KeyCode.COMMA).release(KeyCode.COMMA, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void set(FxRobot robot, String id, String text) {
        robot.interact(() -> robot.lookup(id).queryAs(javafx.scene.control.TextInputControl.class).setText(text));
    }

    @Test
    void rolloutDockerAndModelSettingsAreSavedAndShownAgain(FxRobot robot) throws Exception {
        openDialog(robot);
        set(robot, "#settings-docker-host", "tcp://build-host:2376");
        robot.interact(() -> robot.lookup("#settings-docker-tls").queryAs(CheckBox.class).setSelected(true));
        set(robot, "#settings-docker-cert-path", "/etc/curator/certs");
        set(robot, "#settings-image-map", "ubuntu:* = curator/debian:bookworm\n\n# comment\npython:3.12=curator/py:local\n");
        set(robot, "#settings-work-root", "/data/rollouts");
        set(robot, "#settings-llm-base-url", "http://127.0.0.1:8080/v1");
        set(robot, "#settings-llm-model", "local-model");
        set(robot, "#settings-llm-key-env", "MY_LLM_KEY");
        robot.interact(() -> {
            robot.lookup("#settings-rollout-cpus").queryAs(javafx.scene.control.Spinner.class).getEditor().setText("2");
            robot.lookup("#settings-rollout-memory").queryAs(javafx.scene.control.Spinner.class).getEditor().setText("4096");
            robot.lookup("#settings-rollout-storage").queryAs(javafx.scene.control.Spinner.class).getEditor().setText("512");
            robot.lookup("#settings-build-network").queryAs(CheckBox.class).setSelected(true);
            robot.lookup("#settings-recording-budget").queryAs(javafx.scene.control.Spinner.class).getEditor().setText("64");
        });
        robot.clickOn("OK");
        WaitForAsyncUtils.waitForFxEvents();

        context.ui().settingsStore().flush();
        Settings saved = new SettingsStore(settingsFile).load();
        assertThat(saved.getDockerHost()).isEqualTo("tcp://build-host:2376");
        assertThat(DockerAddress.fromSettings(saved))
                .isEqualTo(new DockerAddress("tcp://build-host:2376", true, "/etc/curator/certs"));
        assertThat(saved.getBaseImageMap()).containsExactly(Map.entry("ubuntu:*", "curator/debian:bookworm"),
                Map.entry("python:3.12", "curator/py:local"));
        assertThat(saved.getRolloutWorkRoot()).isEqualTo("/data/rollouts");
        assertThat(saved.getAgentEndpoint().baseUrl()).isEqualTo("http://127.0.0.1:8080/v1");
        assertThat(saved.getAgentEndpoint().model()).isEqualTo("local-model");
        assertThat(saved.getApiKeyEnvVar()).isEqualTo("MY_LLM_KEY");
        assertThat(saved.getRolloutCpus()).isEqualTo(2);
        assertThat(saved.getRolloutMemoryMb()).isEqualTo(4096);
        assertThat(saved.getRolloutStorageMb()).isEqualTo(512);
        assertThat(saved.isRolloutBuildNetwork()).isTrue();
        assertThat(saved.getRecordingBudgetMb()).isEqualTo(64);
        assertThat(Files.readString(settingsFile)).doesNotContain("sk-");

        openDialog(robot);
        assertThat(robot.lookup("#settings-docker-cert-path").queryAs(TextField.class).getText())
                .isEqualTo("/etc/curator/certs");
        assertThat(robot.lookup("#settings-image-map").queryAs(TextArea.class).getText())
                .isEqualTo("ubuntu:* = curator/debian:bookworm\npython:3.12 = curator/py:local\n");
        assertThat(robot.lookup("#settings-llm-key-env").queryAs(TextField.class).getText()).isEqualTo("MY_LLM_KEY");
        robot.clickOn("Cancel");
    }

    @Test
    void aBaseImageLineWithoutAnImageKeepsTheDialogOpenAndNamesTheLine(FxRobot robot) {
        openDialog(robot);
        set(robot, "#settings-image-map", "ubuntu:* = curator/debian:bookworm\nalpine\n");
        robot.clickOn("OK");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#settings-problem").queryAs(Label.class).getText()).startsWith("Base images, line 2:");
        assertThat(context.ui().settings().getBaseImageMap()).isEmpty();
        set(robot, "#settings-image-map", "");
        robot.clickOn("OK");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#settings-problem").tryQuery()).isEmpty();
    }
}
