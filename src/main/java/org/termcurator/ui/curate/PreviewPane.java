package org.termcurator.ui.curate;

import java.util.List;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import org.termcurator.core.curate.Histogram;
import org.termcurator.core.curate.Preview;

/** The funnel beside the four distributions (turns, tokens, reward, domain) before and after the filters. */
final class PreviewPane extends SplitPane {

    private final FunnelChart funnel = new FunnelChart();
    private final HistogramChart turns = new HistogramChart("curate-histogram-turns", "Assistant turns");
    private final HistogramChart tokens = new HistogramChart("curate-histogram-tokens", "Tokens");
    private final HistogramChart reward = new HistogramChart("curate-histogram-reward", "Reward");
    private final HistogramChart domain = new HistogramChart("curate-histogram-domain", "Domain");

    PreviewPane(CurateViewModel model) {
        setId("curate-preview");
        GridPane histograms = new GridPane();
        histograms.add(turns, 0, 0);
        histograms.add(tokens, 1, 0);
        histograms.add(reward, 0, 1);
        histograms.add(domain, 1, 1);
        for (HistogramChart chart : List.of(turns, tokens, reward, domain)) {
            GridPane.setHgrow(chart, Priority.ALWAYS);
            GridPane.setVgrow(chart, Priority.ALWAYS);
            chart.setMinSize(200, 160);
        }
        getItems().addAll(funnel, histograms);
        setDividerPositions(0.4);
        model.funnelProperty().addListener((observable, before, after) -> funnel.update(after));
        model.previewProperty().addListener((observable, before, after) -> show(after));
        funnel.update(model.funnelProperty().get());
        show(model.previewProperty().get());
    }

    private void show(Preview preview) {
        if (preview == null) {
            return;
        }
        update(turns, preview.turns());
        update(tokens, preview.tokens());
        update(reward, preview.reward());
        update(domain, preview.domain());
    }

    private static void update(HistogramChart chart, Histogram histogram) {
        List<Bar> before = histogram.bins().stream().map(bin -> new Bar(bin.label(), bin.before())).toList();
        List<Bar> after = histogram.bins().stream().map(bin -> new Bar(bin.label(), bin.after())).toList();
        chart.update(before, after);
    }

    FunnelChart funnel() {
        return funnel;
    }
}
