package org.termcurator.ui.shell;

import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Separator;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The bottom bar: open project, Docker status, running jobs and the theme switch. */
final class StatusBar extends HBox {

    StatusBar(ShellViewModel model, Runnable showJobs) {
        setId("status-bar");
        getStyleClass().add("status-bar");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(10);
        setPadding(new Insets(4, 10, 4, 10));

        Label project = new Label();
        project.setId("status-project");
        project.setGraphic(new FontIcon(Feather.DATABASE));
        project.textProperty().bind(model.projectLabel());

        var docker = model.services().docker();
        Label dockerLabel = new Label();
        dockerLabel.setId("status-docker");
        FontIcon dockerIcon = new FontIcon(Feather.SERVER);
        dockerLabel.setGraphic(dockerIcon);
        dockerLabel.textProperty().bind(docker.summaryProperty());
        Tooltip dockerTip = new Tooltip();
        dockerTip.textProperty().bind(docker.detailProperty());
        dockerTip.setWrapText(true);
        dockerTip.setMaxWidth(480);
        dockerLabel.setTooltip(dockerTip);
        docker.reachableProperty().addListener((observable, was, ok) -> markDocker(dockerLabel, ok));
        markDocker(dockerLabel, docker.reachableProperty().get());

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);

        var jobs = model.jobs();
        Label jobsLabel = new Label();
        jobsLabel.setId("status-jobs");
        jobsLabel.textProperty().bind(jobs.summaryProperty());
        jobsLabel.setOnMouseClicked(event -> showJobs.run());
        ProgressBar jobsProgress = new ProgressBar();
        jobsProgress.setId("status-jobs-progress");
        jobsProgress.setPrefWidth(140);
        jobsProgress.progressProperty().bind(jobs.overallProgressProperty());
        jobsProgress.visibleProperty().bind(jobs.runningProperty().greaterThan(0));
        jobsProgress.managedProperty().bind(jobsProgress.visibleProperty());

        ToggleButton theme = new ToggleButton();
        theme.setId("status-theme-toggle");
        theme.getStyleClass().addAll("flat", "button-icon");
        theme.setTooltip(new Tooltip("Switch light / dark theme (Ctrl+Shift+D)"));
        theme.selectedProperty().bindBidirectional(model.darkThemeProperty());
        theme.graphicProperty().bind(javafx.beans.binding.Bindings.createObjectBinding(
                () -> new FontIcon(theme.isSelected() ? Feather.SUN : Feather.MOON), theme.selectedProperty()));

        getChildren().addAll(project, new Separator(Orientation.VERTICAL), dockerLabel, spacer, jobsLabel,
                jobsProgress, theme);
    }

    private static void markDocker(Label label, boolean reachable) {
        label.getStyleClass().removeAll("success", "danger");
        label.getStyleClass().add(reachable ? "success" : "danger");
    }
}
