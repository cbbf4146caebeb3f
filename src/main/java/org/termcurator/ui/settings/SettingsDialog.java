package org.termcurator.ui.settings;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.termcurator.core.rollouts.RolloutRunner;
import org.termcurator.core.rollouts.images.BaseImageMap;
import org.termcurator.core.settings.Settings;

/**
 * Edits the user's settings: theme; the Docker engine (host, TLS); rollouts (base-image map,
 * work folder, default concurrency); the LLM agent's endpoint, model and the NAME of the
 * environment variable with its API key (the key itself is never asked for nor stored).
 */
public final class SettingsDialog extends Dialog<SettingsDialog.Values> {

    /** What the dialog returns when confirmed. */
    public record Values(Settings.Theme theme, String dockerHost, boolean dockerTlsVerify, String dockerCertPath,
                         int concurrency, Map<String, String> baseImageMap, String rolloutWorkRoot,
                         String agentBaseUrl, String agentModel, String apiKeyEnvVar, Box box) {

        public Values {
            baseImageMap = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(baseImageMap));
        }

        /** Writes the values into {@code settings}; true when the Docker engine to talk to changed. */
        public boolean applyTo(Settings settings) {
            boolean engineChanged = !settings.getDockerHost().equals(dockerHost.strip())
                    || settings.isDockerTlsVerify() != dockerTlsVerify
                    || !settings.getDockerCertPath().equals(dockerCertPath.strip());
            settings.setTheme(theme);
            settings.setDockerHost(dockerHost);
            settings.setDockerTlsVerify(dockerTlsVerify);
            settings.setDockerCertPath(dockerCertPath);
            settings.setDefaultConcurrency(concurrency);
            settings.setBaseImageMap(baseImageMap);
            settings.setRolloutWorkRoot(rolloutWorkRoot);
            Settings.AgentEndpoint endpoint = settings.getAgentEndpoint();
            settings.setAgentEndpoint(new Settings.AgentEndpoint(agentBaseUrl, agentModel,
                    endpoint.inputPricePerMTok(), endpoint.outputPricePerMTok()));
            settings.setApiKeyEnvVar(apiKeyEnvVar);
            box.applyTo(settings);
            return engineChanged;
        }
    }

    /** What a rollout container may use when its task says nothing. */
    public record Box(double cpus, long memoryMb, long storageMb, boolean buildNetwork, long recordingBudgetMb) {

        void applyTo(Settings settings) {
            settings.setRolloutCpus(cpus);
            settings.setRolloutMemoryMb(memoryMb);
            settings.setRolloutStorageMb(storageMb);
            settings.setRolloutBuildNetwork(buildNetwork);
            settings.setRecordingBudgetMb(recordingBudgetMb);
        }
    }

    private final Label problem = new Label();

    public SettingsDialog(Window owner, Settings settings) {
        initOwner(owner);
        setTitle("Settings");
        setHeaderText("Terminal Curator settings");
        ChoiceBox<Settings.Theme> theme = new ChoiceBox<>();
        theme.setId("settings-theme");
        theme.getItems().setAll(Settings.Theme.values());
        theme.setValue(settings.getTheme());

        TextField dockerHost = field("settings-docker-host", settings.getDockerHost(),
                "default: DOCKER_HOST or the local socket");
        CheckBox tls = new CheckBox("Verify TLS (tcp:// hosts)");
        tls.setId("settings-docker-tls");
        tls.setSelected(settings.isDockerTlsVerify());
        TextField certPath = field("settings-docker-cert-path", settings.getDockerCertPath(),
                "folder with ca.pem, cert.pem, key.pem (default: DOCKER_CERT_PATH)");
        certPath.disableProperty().bind(tls.selectedProperty().not());

        TextArea imageMap = new TextArea(formatMap(settings.getBaseImageMap()));
        imageMap.setId("settings-image-map");
        imageMap.setPromptText("ubuntu:* = curator/debian:bookworm");
        imageMap.setPrefRowCount(4);
        imageMap.setPrefColumnCount(24);
        TextField workRoot = field("settings-work-root", settings.getRolloutWorkRoot(),
                "default: " + RolloutRunner.defaultWorkRoot());
        Spinner<Integer> concurrency = new Spinner<>(1, 256, settings.getDefaultConcurrency());
        concurrency.setId("settings-concurrency");
        concurrency.setEditable(true);
        Spinner<Double> cpus = new Spinner<>(0.25, 256, settings.getRolloutCpus(), 0.25);
        cpus.setId("settings-rollout-cpus");
        cpus.setEditable(true);
        Spinner<Integer> memory = new Spinner<>(64, 1 << 20, (int) settings.getRolloutMemoryMb(), 256);
        memory.setId("settings-rollout-memory");
        memory.setEditable(true);
        Spinner<Integer> storage = new Spinner<>(64, 1 << 24, (int) settings.getRolloutStorageMb(), 1024);
        storage.setId("settings-rollout-storage");
        storage.setEditable(true);
        for (Spinner<?> spinner : List.of(cpus, memory, storage)) {
            spinner.setPrefWidth(110);
        }
        Spinner<Integer> recordingBudget = new Spinner<>(1, 1 << 16, (int) settings.getRecordingBudgetMb(), 10);
        recordingBudget.setId("settings-recording-budget");
        recordingBudget.setEditable(true);
        recordingBudget.setPrefWidth(110);
        CheckBox buildNetwork = new CheckBox("Allow network during image builds");
        buildNetwork.setId("settings-build-network");
        buildNetwork.setWrapText(true); // a narrow column wraps it rather than cutting it
        buildNetwork.setSelected(settings.isRolloutBuildNetwork());
        buildNetwork.setTooltip(new javafx.scene.control.Tooltip("Tasks with allow_internet = false build their image "
                + "without network unless this is on (Dockerfiles that apt-get install need it); task lint says which "
                + "applies."));

        TextField baseUrl = field("settings-llm-base-url", settings.getAgentEndpoint().baseUrl(),
                "OpenAI-compatible, e.g. https://api.openai.com/v1");
        TextField model = field("settings-llm-model", settings.getAgentEndpoint().model(), "e.g. gpt-4.1-mini");
        TextField keyVariable = field("settings-llm-key-env", settings.getApiKeyEnvVar(), "e.g. OPENAI_API_KEY");

        problem.setId("settings-problem");
        problem.getStyleClass().add("text-danger");
        problem.setWrapText(true);

        // two columns, so the dialog stays short enough for small screens; each label above its
        // field, so neither is cut however long the other is
        VBox left = column(
                labelled("Theme", theme, null),
                heading("Docker"),
                labelled("Host", dockerHost, "e.g. unix:///var/run/docker.sock or tcp://build-host:2376"),
                tls,
                labelled("Certificates", certPath, null),
                heading("LLM agent"),
                labelled("Endpoint", baseUrl, null),
                labelled("Model", model, null),
                labelled("API key variable", keyVariable,
                        "The NAME of the environment variable holding the key; the key is never stored."));
        VBox right = column(
                heading("Rollouts"),
                labelled("Base images", imageMap, "One PATTERN = LOCAL-IMAGE a line; FROM lines matching the pattern "
                        + "(* and ? allowed) are built from the local image instead."),
                labelled("Work folder", workRoot, null),
                labelled("Default concurrency", concurrency, null),
                problem);
        // a third column keeps the dialog shorter than a 800-pixel-high screen
        VBox containers = column(
                heading("Containers"),
                labelled("CPUs per task", cpus, null),
                labelled("Memory per task (MB)", memory, null),
                labelled("Disk per task (MB)", storage, "For tasks whose task.toml sets no cpus, memory_mb or "
                        + "storage_mb (or 0). A container never runs unlimited; more than the Docker host has is capped."),
                labelled("Recording budget (MB)", recordingBudget, "A longer recording keeps its first and last "
                        + "halves, the cut marked."),
                buildNetwork);
        javafx.scene.layout.HBox grid = new javafx.scene.layout.HBox(8, left, right, containers);
        getDialogPane().setContent(grid);
        getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        // a bad image map keeps the dialog open with the line that is wrong
        getDialogPane().lookupButton(ButtonType.OK).addEventFilter(ActionEvent.ACTION, event -> {
            try {
                parseMap(imageMap.getText());
                for (Spinner<?> spinner : List.of(concurrency, cpus, memory, storage, recordingBudget)) {
                    commit(spinner);
                }
                problem.setText("");
            } catch (IllegalArgumentException e) {
                problem.setText(e.getMessage());
                event.consume();
            }
        });
        setResultConverter(button -> button == ButtonType.OK
                ? new Values(theme.getValue(), dockerHost.getText(), tls.isSelected(), certPath.getText(),
                        concurrency.getValue(), parseMap(imageMap.getText()), workRoot.getText(), baseUrl.getText(),
                        model.getText(), keyVariable.getText(),
                        new Box(cpus.getValue(), memory.getValue(), storage.getValue(),
                                buildNetwork.isSelected(), recordingBudget.getValue()))
                : null);
    }

    /** Takes what was typed into a spinner (it only takes it on Enter or on losing focus otherwise). */
    private static <T> void commit(Spinner<T> spinner) {
        String typed = spinner.getEditor().getText();
        try {
            T value = spinner.getValueFactory().getConverter().fromString(typed.strip());
            if (value != null) {
                spinner.getValueFactory().setValue(value);
            }
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("'" + typed + "' is not a number", e);
        }
    }

    private static VBox column(Node... children) {
        VBox column = new VBox(10, children);
        column.setPadding(new Insets(12));
        column.setPrefWidth(300);
        column.setMinWidth(260);
        return column;
    }

    /** A field with its label above it and an optional hint below. */
    private static Node labelled(String text, javafx.scene.control.Control field, String hint) {
        Label label = new Label(text);
        label.setLabelFor(field);
        label.setWrapText(true);
        field.setMaxWidth(Double.MAX_VALUE);
        VBox box = new VBox(4, label, field);
        if (hint != null) {
            box.getChildren().add(hint(hint));
        }
        return box;
    }

    private static TextField field(String id, String value, String prompt) {
        TextField field = new TextField(value);
        field.setId(id);
        field.setPromptText(prompt);
        field.setPrefColumnCount(24);
        return field;
    }

    private static Node heading(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("text-bold");
        label.setPadding(new Insets(8, 0, 0, 0));
        return label;
    }

    private static Node hint(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("text-muted");
        label.setWrapText(true);
        label.setMinHeight(Label.USE_PREF_SIZE);
        return label;
    }

    static String formatMap(Map<String, String> map) {
        StringBuilder text = new StringBuilder();
        map.forEach((pattern, image) -> text.append(pattern).append(" = ").append(image).append('\n'));
        return text.toString();
    }

    /** "PATTERN = IMAGE" lines; blank lines and lines starting with # are skipped. */
    static Map<String, String> parseMap(String text) {
        BaseImageMap check = BaseImageMap.empty();
        Map<String, String> map = new LinkedHashMap<>(); // in the order given: the first matching glob wins
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                check.put(line);
                int eq = line.indexOf('=');
                map.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Base images, line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return map;
    }
}
