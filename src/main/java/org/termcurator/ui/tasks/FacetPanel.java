package org.termcurator.ui.tasks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.scene.control.CheckBox;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.VBox;
import org.termcurator.core.tasks.query.FacetValue;
import org.termcurator.core.tasks.query.TaskFacet;
import org.termcurator.core.tasks.query.TaskQuery;

/** The facet filters: per facet, a check box per value with how many tasks have it. */
final class FacetPanel extends VBox {

    /** Values shown before a facet's list is cut (the tag facet can have hundreds). */
    private static final int MAX_VALUES = 60;

    private final TasksViewModel model;
    private final Map<TaskFacet, Boolean> expanded = new LinkedHashMap<>();

    FacetPanel(TasksViewModel model) {
        this.model = model;
        setId("tasks-facets");
        getStyleClass().add("facet-panel");
        setSpacing(4);
        model.facetsProperty().addListener((observable, before, after) -> rebuild());
        model.queryProperty().addListener((observable, before, after) -> syncChecks());
    }

    private void rebuild() {
        Map<TaskFacet, List<FacetValue>> facets = model.facetsProperty().get();
        TaskQuery query = model.queryProperty().get();
        getChildren().forEach(node -> expanded.put((TaskFacet) node.getUserData(), ((TitledPane) node).isExpanded()));
        getChildren().clear();
        for (Map.Entry<TaskFacet, List<FacetValue>> facet : facets.entrySet()) {
            TaskFacet key = facet.getKey();
            VBox values = new VBox(2);
            values.getStyleClass().add("facet-values");
            Set<String> selected = query.selected(key);
            int shown = 0;
            for (FacetValue value : facet.getValue()) {
                if (shown++ < MAX_VALUES || selected.contains(value.value())) {
                    values.getChildren().add(checkBox(key, value.value(), value.count(), selected.contains(value.value())));
                }
            }
            for (String value : selected) {
                if (facet.getValue().stream().noneMatch(v -> v.value().equals(value))) {
                    values.getChildren().add(checkBox(key, value, 0, true)); // chosen, no longer matching
                }
            }
            TitledPane pane = new TitledPane(key.label(), values);
            pane.setUserData(key);
            pane.setId("facet-" + key.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            pane.setExpanded(expanded.getOrDefault(key, key != TaskFacet.FORMAT && key != TaskFacet.ORIGIN));
            getChildren().add(pane);
        }
    }

    private CheckBox checkBox(TaskFacet facet, String value, long count, boolean selected) {
        CheckBox box = new CheckBox(String.format("%s (%,d)", value, count));
        box.getStyleClass().add("facet-value");
        box.setUserData(value);
        box.setMnemonicParsing(false);
        // a long value (an image name) ellipsizes in the narrow pane; the tooltip has it whole
        box.setTooltip(new javafx.scene.control.Tooltip(box.getText()));
        box.setSelected(selected);
        box.setOnAction(event -> model.setFilter(facet, value, box.isSelected()));
        return box;
    }

    /** Keeps the boxes in step with the query (e.g. after Clear filters) until new counts arrive. */
    private void syncChecks() {
        TaskQuery query = model.queryProperty().get();
        for (var node : getChildren()) {
            TaskFacet facet = (TaskFacet) node.getUserData();
            for (var box : ((VBox) ((TitledPane) node).getContent()).getChildren()) {
                ((CheckBox) box).setSelected(query.selected(facet).contains((String) box.getUserData()));
            }
        }
    }
}
