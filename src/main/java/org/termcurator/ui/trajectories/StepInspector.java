package org.termcurator.ui.trajectories;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;
import org.fxmisc.richtext.CodeArea;
import org.termcurator.core.terminal.TerminalText;
import org.termcurator.core.terminus.TerminalCommand;
import org.termcurator.core.trajectories.ParseStatus;
import org.termcurator.core.trajectories.Step;
import org.termcurator.ui.controls.SyntaxHighlighter;

/**
 * One step in full: its reasoning, the answer's analysis and plan (or its message), the commands
 * highlighted as shell, the files the step changed (when the trajectory recorded them) and the
 * terminal output. Shown beside the replay for the current step.
 */
final class StepInspector extends ScrollPane {

    private static final double COMMAND_LINE_HEIGHT = 18;

    private final Label title = new Label("No step");
    private final Label reasoning = section("replay-step-reasoning");
    private final Label answer = section("replay-step-answer");
    private final CodeArea commands = new CodeArea();
    private final Label files = section("replay-step-files");
    private final Label observation = section("replay-step-observation");
    private final Label reasoningTitle = heading("Reasoning");
    private final Label answerTitle = heading("Answer");
    private final Label commandsTitle = heading("Commands");
    private final Label filesTitle = heading("Files changed");
    private final Label observationTitle = heading("Output");

    StepInspector() {
        setId("replay-step");
        setFitToWidth(true);
        title.setId("replay-step-title");
        title.getStyleClass().add("text-bold");
        title.setWrapText(true);
        commands.setId("replay-step-commands");
        commands.getStyleClass().add("code-area");
        commands.setEditable(false);
        commands.setWrapText(true);
        observation.getStyleClass().add("code");
        VBox box = new VBox(4, title, reasoningTitle, reasoning, answerTitle, answer, commandsTitle, commands,
                filesTitle, files, observationTitle, observation);
        box.setPadding(new Insets(8));
        setContent(box);
        show(null);
    }

    private static Label section(String id) {
        Label label = new Label();
        label.setId(id);
        label.setWrapText(true);
        label.setMinHeight(Label.USE_PREF_SIZE);
        return label;
    }

    private static Label heading(String text) {
        Label label = new Label(text);
        label.getStyleClass().addAll("text-muted", "text-small");
        return label;
    }

    void show(Step step) {
        if (step == null) {
            title.setText("No step at this moment");
            for (Label label : new Label[] {reasoning, answer, files, observation}) {
                reveal(label, null);
            }
            showCommands("");
            return;
        }
        StringBuilder header = new StringBuilder("#").append(step.index() + 1).append("  ").append(step.role());
        if (step.parseStatus() != null && step.parseStatus() != ParseStatus.OK) {
            header.append("  ·  ").append(step.parseStatus().dbValue());
            if (step.parseError() != null) {
                header.append(": ").append(step.parseError());
            }
        }
        if (step.metrics() != null && step.metrics().has("completion_tokens")) {
            header.append("  ·  ").append(step.metrics().get("completion_tokens").asText()).append(" tokens out");
        }
        title.setText(header.toString());
        reveal(reasoning, blankToNull(step.reasoning()));
        String text = step.analysis() != null || step.plan() != null
                ? "Analysis: " + nullToEmpty(step.analysis()) + "\n\nPlan: " + nullToEmpty(step.plan())
                : blankToNull(plain(step.message()));
        reveal(answer, text);
        StringBuilder keys = new StringBuilder();
        for (TerminalCommand command : step.commands()) {
            keys.append(command.keystrokes().endsWith("\n") ? command.keystrokes() : command.keystrokes() + "\n");
        }
        showCommands(keys.toString().stripTrailing());
        reveal(files, filesChanged(step));
        reveal(observation, blankToNull(plain(step.observation())));
    }

    /** Recorded text without the terminal's escape sequences, which a label would show as garbage. */
    private static String plain(String text) {
        return text == null ? null : TerminalText.strip(text);
    }

    /** Text shown in the commands box, for tests. */
    String commandsText() {
        return commands.getText();
    }

    private void showCommands(String text) {
        commands.replaceText(text);
        if (!text.isEmpty()) {
            commands.setStyleSpans(0, SyntaxHighlighter.highlight(SyntaxHighlighter.Language.SHELL, text));
        }
        long lines = text.isEmpty() ? 0 : text.lines().count();
        commands.setPrefHeight(Math.min(12, lines) * COMMAND_LINE_HEIGHT + 10);
        commands.setMinHeight(commands.getPrefHeight());
        commands.setVisible(!text.isEmpty());
        commands.setManaged(!text.isEmpty());
        commandsTitle.setVisible(!text.isEmpty());
        commandsTitle.setManaged(!text.isEmpty());
    }

    /** "added /app/x" lines from the step's stored files_changed, wherever its source nested them. */
    static String filesChanged(Step step) {
        if (step.extra() == null) {
            return null;
        }
        JsonNode changes = step.extra().findValue("files_changed");
        if (changes == null || !changes.isArray() || changes.isEmpty()) {
            return null;
        }
        List<String> lines = new ArrayList<>();
        for (JsonNode change : changes) {
            lines.add(change.path("kind").asText("changed") + "  " + change.path("path").asText("?"));
        }
        return String.join("\n", lines);
    }

    private void reveal(Label label, String text) {
        label.setText(text);
        boolean shown = text != null;
        label.setVisible(shown);
        label.setManaged(shown);
        Label heading = label == reasoning ? reasoningTitle : label == answer ? answerTitle
                : label == files ? filesTitle : observationTitle;
        heading.setVisible(shown);
        heading.setManaged(shown);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
