package org.termcurator.ui.tasks;

import java.nio.file.Path;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import org.termcurator.core.rollouts.agents.AgentKind;
import org.termcurator.core.settings.Settings;

/** "Roll out selection with…": the agent, attempts per task, concurrency, and the agent's own settings. */
final class RolloutDialog extends Dialog<TaskRollouts.Choice> {

    RolloutDialog(Window owner, Settings settings, int tasks) {
        initOwner(owner);
        setTitle("Roll out tasks");
        setHeaderText("Roll out " + tasks + " task" + (tasks == 1 ? "" : "s"));
        ChoiceBox<AgentKind> agent = new ChoiceBox<>();
        agent.setId("rollout-agent");
        agent.getItems().setAll(AgentKind.values());
        agent.setValue(AgentKind.ORACLE);
        Spinner<Integer> attempts = new Spinner<>(1, 100, 1);
        attempts.setId("rollout-attempts");
        attempts.setEditable(true);
        Spinner<Integer> concurrency = new Spinner<>(1, 256, settings.getDefaultConcurrency());
        concurrency.setId("rollout-concurrency");
        concurrency.setEditable(true);
        TextField replay = new TextField();
        replay.setId("rollout-replay-file");
        replay.setPromptText("trajectory.json or a JSON list of keystrokes");
        TextField endpoint = new TextField(settings.getAgentEndpoint().baseUrl());
        endpoint.setId("rollout-endpoint");
        TextField model = new TextField(settings.getAgentEndpoint().model());
        model.setId("rollout-model");
        Label key = new Label("API key from the environment variable " + settings.getApiKeyEnvVar());
        key.getStyleClass().add("text-muted");
        replay.disableProperty().bind(agent.valueProperty().isNotEqualTo(AgentKind.REPLAY));
        endpoint.disableProperty().bind(agent.valueProperty().isNotEqualTo(AgentKind.LLM));
        model.disableProperty().bind(endpoint.disableProperty());

        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(10);
        grid.setPadding(new Insets(16));
        grid.addRow(0, new Label("Agent"), agent);
        grid.addRow(1, new Label("Attempts per task"), attempts);
        grid.addRow(2, new Label("Concurrency"), concurrency);
        grid.addRow(3, new Label("Replay file"), replay);
        grid.addRow(4, new Label("LLM endpoint"), endpoint);
        grid.addRow(5, new Label("Model"), model);
        grid.add(key, 1, 6);
        getDialogPane().setContent(grid);
        getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        setResultConverter(button -> button == ButtonType.OK
                ? new TaskRollouts.Choice(agent.getValue(), attempts.getValue(), concurrency.getValue(),
                        replay.getText().isBlank() ? null : Path.of(replay.getText().strip()), endpoint.getText(),
                        model.getText())
                : null);
    }
}
