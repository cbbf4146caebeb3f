package org.termcurator.ui.trajectories;

import java.util.Locale;
import javafx.scene.control.ListCell;
import org.termcurator.core.verifier.TestResult;

/** One test's verdict in a list: a mark, the status, the name and the message below, coloured by the outcome. */
final class TestResultCell extends ListCell<TestResult> {

    private static final String PASSED = "test-passed";
    private static final String FAILED = "test-failed";
    private static final String SKIPPED = "test-skipped";

    @Override
    protected void updateItem(TestResult item, boolean empty) {
        super.updateItem(item, empty);
        getStyleClass().removeAll(PASSED, FAILED, SKIPPED);
        if (empty || item == null) {
            setText(null);
            return;
        }
        String mark = switch (item.status()) {
            case PASSED -> "✓";
            case FAILED, ERROR -> "✗";
            case SKIPPED -> "–";
        };
        setText(mark + "  " + item.status().dbValue().toUpperCase(Locale.ROOT) + "  " + item.name()
                + (item.message() == null ? "" : "\n     " + item.message()));
        getStyleClass().add(switch (item.status()) {
            case PASSED -> PASSED;
            case FAILED, ERROR -> FAILED;
            case SKIPPED -> SKIPPED;
        });
    }
}
