package org.termcurator.ui.trajectories;

import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.VBox;
import org.termcurator.core.terminal.TerminalText;
import org.termcurator.core.terminus.TerminalCommand;
import org.termcurator.core.trajectories.ParseStatus;
import org.termcurator.core.trajectories.Step;

/**
 * The steps of a trajectory, one cell each: role and parse status, the answer's analysis and
 * plan (or its message), the keystrokes sent, and the terminal output, long texts cut short.
 */
final class StepList extends ListView<Step> {

    private static final int MAX_CHARS = 1200;

    StepList() {
        setCellFactory(list -> new StepCell());
        setPlaceholder(new Label("No steps"));
    }

    private final class StepCell extends ListCell<Step> {
        private final Label header = new Label();
        private final Label body = new Label();
        private final Label commands = new Label();
        private final Label observation = new Label();
        private final VBox box = new VBox(3, header, body, commands, observation);

        StepCell() {
            header.getStyleClass().add("text-bold");
            for (Label label : new Label[] {body, commands, observation}) {
                label.setWrapText(true);
                label.maxWidthProperty().bind(StepList.this.widthProperty().subtract(40));
            }
            commands.getStyleClass().addAll("step-commands", "code");
            observation.getStyleClass().addAll("step-observation", "code", "text-muted");
        }

        @Override
        protected void updateItem(Step step, boolean empty) {
            super.updateItem(step, empty);
            getStyleClass().removeAll("step-error");
            if (empty || step == null) {
                setGraphic(null);
                return;
            }
            StringBuilder title = new StringBuilder("#").append(step.index() + 1).append("  ").append(step.role());
            if (step.parseStatus() != null && step.parseStatus() != ParseStatus.OK) {
                title.append("  ·  ").append(step.parseStatus().dbValue());
                if (step.parseError() != null) {
                    title.append(" (").append(step.parseError()).append(')');
                }
                getStyleClass().add("step-error");
            }
            if (Boolean.TRUE.equals(step.taskComplete())) {
                title.append("  ·  task complete");
            }
            header.setText(title.toString());
            show(body, text(step));
            show(commands, keystrokes(step));
            show(observation, step.observation() == null ? null : "⇢ " + clip(step.observation()));
            setGraphic(box);
        }

        private String text(Step step) {
            if (step.analysis() != null || step.plan() != null) {
                return "Analysis: " + nullToEmpty(step.analysis()) + "\nPlan: " + nullToEmpty(step.plan());
            }
            return step.message() == null ? null : clip(step.message());
        }

        private String keystrokes(Step step) {
            if (step.commands().isEmpty()) {
                return null;
            }
            StringBuilder text = new StringBuilder();
            for (TerminalCommand command : step.commands()) {
                text.append("$ ").append(command.keystrokes().replace("\n", "⏎"));
                if (command.duration() != null) {
                    text.append("   (").append(command.duration()).append(" s)");
                }
                text.append('\n');
            }
            return text.toString().stripTrailing();
        }

        private void show(Label label, String text) {
            label.setText(text);
            label.setVisible(text != null);
            label.setManaged(text != null);
        }
    }

    /** The start of a recorded text, without the terminal's escape sequences. */
    private static String clip(String text) {
        String plain = TerminalText.strip(text);
        return plain.length() <= MAX_CHARS ? plain : plain.substring(0, MAX_CHARS) + " …";
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
