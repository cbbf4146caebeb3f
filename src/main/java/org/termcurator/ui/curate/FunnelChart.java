package org.termcurator.ui.curate;

import java.util.List;
import java.util.Locale;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;

/** How many samples are left after each filter, in the order the filters run, top to bottom. */
final class FunnelChart extends BarChart<Number, String> {

    private List<Bar> shown = List.of();

    FunnelChart() {
        super(new NumberAxis(), new CategoryAxis());
        setId("curate-funnel");
        setTitle("Samples left after each filter");
        setLegendVisible(false);
        setAnimated(false);
        setCategoryGap(4);
        getXAxis().setLabel("Samples");
    }

    void update(List<Bar> stages) {
        shown = List.copyOf(stages);
        XYChart.Series<Number, String> series = new XYChart.Series<>();
        // a vertical category axis draws its first category at the bottom; the funnel reads downwards
        for (Bar stage : stages.reversed()) {
            series.getData().add(new XYChart.Data<>(stage.count(), label(stage)));
        }
        ((CategoryAxis) getYAxis()).getCategories().setAll(series.getData().stream().map(XYChart.Data::getYValue).toList());
        getData().setAll(List.of(series));
    }

    private static String label(Bar stage) {
        return String.format(Locale.ROOT, "%s (%,d)", stage.label(), stage.count());
    }

    /** The stages on show, first filter first. */
    List<Bar> stages() {
        return shown;
    }
}
