package org.termcurator.ui.trajectories;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.termcurator.core.trajectories.Step;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The step list shows recorded terminal text as a reader sees it, not the escape sequences in it. */
@ExtendWith(ApplicationExtension.class)
class StepListTest {

    private StepList steps;

    @Start
    void start(Stage stage) {
        steps = new StepList();
        stage.setScene(new Scene(steps, 700, 400));
        stage.show();
    }

    @Test
    void terminalOutputInAStepIsShownWithoutItsEscapeSequences(FxRobot robot) {
        Step output = Step.builder("user").index(1)
                .message("tests/test_outputs.py::test_user \u001b[32mPASSED\u001b[0m\r\n")
                .observation("\u001b[1;31mError:\u001b[0m no such file").build();
        robot.interact(() -> steps.getItems().setAll(output));
        WaitForAsyncUtils.waitForFxEvents();

        String shown = robot.lookup(".list-cell .label").queryAllAs(Label.class).stream()
                .map(Label::getText).filter(text -> text != null).collect(Collectors.joining("\n"));
        assertThat(shown).contains("tests/test_outputs.py::test_user PASSED", "Error: no such file")
                .doesNotContain("\u001b", "[32m", "[0m");
    }
}
