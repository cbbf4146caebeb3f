package org.termcurator.ui.session;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.termcurator.core.settings.Settings;

/**
 * Remembers how the user left the window, in the settings: which columns a table shows,
 * where a split's dividers stand, whether a pane is collapsed. Each piece is restored when
 * it is bound and saved (debounced) whenever the user changes it.
 */
public final class LayoutMemory {

    private final Settings settings;
    private final Runnable changed;

    public LayoutMemory(Settings settings, Runnable changed) {
        this.settings = settings;
        this.changed = changed;
    }

    /** Shows the columns chosen last time (by their text) and remembers every later choice. */
    public void columns(String key, TableView<?> table) {
        String stored = settings.getLayout().get(key + ".columns");
        if (stored != null) {
            Set<String> shown = new LinkedHashSet<>(Arrays.asList(stored.split("\t")));
            for (TableColumn<?, ?> column : table.getColumns()) {
                column.setVisible(shown.contains(name(column)));
            }
        }
        for (TableColumn<?, ?> column : table.getColumns()) {
            column.visibleProperty().addListener((observable, before, after) -> {
                put(key + ".columns", table.getColumns().stream().filter(TableColumn::isVisible)
                        .map(LayoutMemory::name).collect(Collectors.joining("\t")));
            });
        }
    }

    /** Puts the dividers where they were left and remembers where the user drags them. */
    public void dividers(String key, SplitPane split) {
        String stored = settings.getLayout().get(key + ".dividers");
        if (stored != null) {
            try {
                double[] positions = Arrays.stream(stored.split(",")).mapToDouble(Double::parseDouble).toArray();
                if (positions.length == split.getDividers().size()) {
                    split.setDividerPositions(positions);
                }
            } catch (NumberFormatException ignored) {
                // a hand-edited value: the default positions stand
            }
        }
        for (SplitPane.Divider divider : split.getDividers()) {
            divider.positionProperty().addListener((observable, before, after) -> put(key + ".dividers",
                    split.getDividers().stream().map(d -> String.format(Locale.ROOT, "%.4f", d.getPosition()))
                            .collect(Collectors.joining(","))));
        }
    }

    /** Restores a flag (a pane shown or collapsed) and remembers its changes. */
    public void flag(String key, BooleanProperty flag) {
        String stored = settings.getLayout().get(key);
        if (stored != null) {
            flag.set(Boolean.parseBoolean(stored));
        }
        flag.addListener((observable, before, after) -> put(key, after.toString()));
    }

    private void put(String key, String value) {
        if (!value.equals(settings.getLayout().put(key, value))) {
            changed.run();
        }
    }

    private static String name(TableColumn<?, ?> column) {
        return column.getId() != null ? column.getId() : column.getText();
    }
}
