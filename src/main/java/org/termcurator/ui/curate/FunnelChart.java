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
        wholeTicks((NumberAxis) getXAxis());
    }

    void update(List<Bar> stages) {
        shown = List.copyOf(stages);
        XYChart.Series<Number, String> series = new XYChart.Series<>();
        // a vertical category axis draws its first category at the bottom; the funnel reads downwards
        for (int i = stages.size() - 1; i >= 0; i--) {
            Bar stage = stages.get(i);
            long dropped = i == 0 ? 0 : stages.get(i - 1).count() - stage.count();
            series.getData().add(new XYChart.Data<>(stage.count(), label(stage, dropped)));
        }
        ((CategoryAxis) getYAxis()).getCategories().setAll(series.getData().stream().map(XYChart.Data::getYValue).toList());
        getData().setAll(List.of(series));
    }

    private static String label(Bar stage, long dropped) {
        return dropped == 0 ? String.format(Locale.ROOT, "%s: %,d", stage.label(), stage.count())
                : String.format(Locale.ROOT, "%s: %,d (−%,d)", stage.label(), stage.count(), dropped);
    }

    /** Sample counts are whole: the axis labels only whole ticks. */
    static void wholeTicks(NumberAxis axis) {
        axis.setMinorTickVisible(false);
        axis.setTickLabelFormatter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Number value) {
                double number = value.doubleValue();
                return number == Math.rint(number) ? String.format(Locale.ROOT, "%,d", (long) number) : "";
            }

            @Override
            public Number fromString(String text) {
                return null;
            }
        });
    }

    /** The stages on show, first filter first. */
    List<Bar> stages() {
        return shown;
    }
}
