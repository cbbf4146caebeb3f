package org.termcurator.ui.curate;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;

/** One distribution (turns, tokens, reward or domain) before the filters and after them, side by side. */
final class HistogramChart extends BarChart<String, Number> {

    HistogramChart(String id, String title) {
        super(new CategoryAxis(), new NumberAxis());
        setId(id);
        setTitle(title);
        setAnimated(false);
        setCategoryGap(6);
        setBarGap(1);
        getYAxis().setLabel("Samples");
        FunnelChart.wholeTicks((NumberAxis) getYAxis());
    }

    void update(List<Bar> before, List<Bar> after) {
        Set<String> buckets = new LinkedHashSet<>();
        before.forEach(bar -> buckets.add(bar.label()));
        after.forEach(bar -> buckets.add(bar.label()));
        ((CategoryAxis) getXAxis()).getCategories().setAll(buckets);
        getData().setAll(List.of(series("before", before), series("after", after)));
    }

    private static XYChart.Series<String, Number> series(String name, List<Bar> bars) {
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        series.setName(name);
        bars.forEach(bar -> series.getData().add(new XYChart.Data<>(bar.label(), bar.count())));
        return series;
    }
}
