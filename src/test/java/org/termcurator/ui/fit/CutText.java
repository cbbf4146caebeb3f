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
        if (node instanceof javafx.scene.control.ScrollPane || node instanceof javafx.scene.control.TableView<?>
                || node instanceof javafx.scene.control.ListView<?> || node.getStyleClass().contains("tab-header-area")) {
            // what scrolls (or, for tabs, overflows into a menu) may lie outside the window: only cut text counts
            walkScrolled(node, problems);
            return;
        }
        if (node instanceof Labeled labeled && offTheWindow(labeled)) {
            problems.add(describe(labeled) + ": \"" + labeled.getText() + "\" runs off the window");
            return;
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

    private static void walkScrolled(Node node, List<String> problems) {
        if (!node.isVisible() || node instanceof IndexedCell<?>) {
            return;
        }
        if (node instanceof Labeled labeled) {
            check(labeled, problems);
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                walkScrolled(child, problems);
            }
        }
    }

    /** A control outside every scroll pane that ends beyond the window's right or bottom edge. */
    private static boolean offTheWindow(Labeled labeled) {
        if (labeled.getScene() == null || labeled.getWidth() <= 0) {
            return false;
        }
        javafx.geometry.Bounds bounds = labeled.localToScene(labeled.getLayoutBounds());
        return bounds.getMaxX() > labeled.getScene().getWidth() + 1 || bounds.getMaxY() > labeled.getScene().getHeight() + 1;
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
