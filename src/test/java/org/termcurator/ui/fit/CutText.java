package org.termcurator.ui.fit;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Labeled;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Text;

/**
 * Finds text the user cannot read whole: every visible {@link Labeled} (button, label, tab,
 * check box, menu, column header) whose rendered text (its skin's LabeledText node) is not its
 * text, i.e. ellipsized or clipped, and that has no tooltip showing it whole.
 */
final class CutText {

    private CutText() {
    }

    /** One line per cut text under {@code root}, naming the control, its text and what shows. */
    static List<String> in(Node root) {
        List<String> problems = new ArrayList<>();
        walk(root, problems);
        return problems;
    }

    private static void walk(Node node, List<String> problems) {
        if (!node.isVisible() || node.getOpacity() == 0) {
            return;
        }
        if (node instanceof IndexedCell<?>) {
            return; // rows of data: checked by the tables' own tooltips, not by this walk
        }
        if (node instanceof Labeled labeled) {
            check(labeled, problems);
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                walk(child, problems);
            }
        }
    }

    private static void check(Labeled labeled, List<String> problems) {
        String full = labeled.getText();
        if (full == null || full.isBlank() || labeled.getWidth() <= 0) {
            return;
        }
        Text rendered = null;
        for (Node child : labeled.getChildrenUnmodifiable()) {
            if (child instanceof Text text) {
                rendered = text;
            }
        }
        if (rendered == null || !rendered.isVisible()) {
            return; // graphic only
        }
        String expected = labeled.isMnemonicParsing() ? withoutMnemonic(full) : full;
        if (expected.equals(rendered.getText())) {
            return;
        }
        Tooltip tooltip = labeled.getTooltip();
        if (tooltip != null && tooltip.getText() != null && tooltip.getText().contains(expected.strip())) {
            return; // data that cannot fit, shown whole on hover
        }
        problems.add(describe(labeled) + ": \"" + full + "\" shows as \"" + rendered.getText() + "\" in "
                + Math.round(labeled.getWidth()) + "x" + Math.round(labeled.getHeight()) + " px");
    }

    private static String withoutMnemonic(String text) {
        int at = text.indexOf('_');
        while (at >= 0 && at + 1 < text.length() && text.charAt(at + 1) == '_') {
            at = text.indexOf('_', at + 2);
        }
        return at >= 0 && at + 1 < text.length() ? text.substring(0, at) + text.substring(at + 1) : text;
    }

    private static String describe(Node node) {
        StringBuilder path = new StringBuilder(node.getClass().getSimpleName());
        if (node.getId() != null) {
            path.append('#').append(node.getId());
        }
        for (Node parent = node.getParent(); parent != null; parent = parent.getParent()) {
            if (parent.getId() != null) {
                path.append(" in #").append(parent.getId());
                break;
            }
        }
        return path.toString();
    }
}
