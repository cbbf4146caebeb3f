package org.termcurator.ui.seeds;

import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.StackPane;
import org.kordamp.ikonli.feather.Feather;
import org.termcurator.core.project.ProjectDb;
import org.termcurator.core.project.ProjectInfo;
import org.termcurator.ui.controls.EmptyState;
import org.termcurator.ui.controls.ProjectSectionView;
import org.termcurator.ui.session.ProjectActions;
import org.termcurator.ui.session.UiServices;

/**
 * The Seeds &amp; Skills section: what tasks are generated from (seeds, the skill taxonomy),
 * how well the task set covers it, and generation itself. With no project open it shows the
 * usual empty state.
 */
public final class SeedsSkillsView extends StackPane {

    private final UiServices services;
    private final ProjectSectionView noProject;
    private Runnable closeCurrent = () -> { };

    private SeedsSkillsView(UiServices services, ProjectActions actions) {
        this.services = services;
        setId("seeds-view");
        getStyleClass().add("section-view");
        noProject = new ProjectSectionView(services, "seeds-empty", Feather.GIT_BRANCH, actions, SeedsSkillsView::describe);
        services.session().projectProperty().addListener((observable, before, after) -> show(after));
        show(services.session().project());
    }

    public static SeedsSkillsView create(UiServices services, ProjectActions actions) {
        return new SeedsSkillsView(services, actions);
    }

    private void show(ProjectDb db) {
        closeCurrent.run();
        if (db == null) {
            closeCurrent = () -> { };
            getChildren().setAll(noProject);
            return;
        }
        SeedsViewModel seeds = new SeedsViewModel(db, services.jobs());
        SkillsViewModel skills = new SkillsViewModel(db, services.jobs());
        CoverageViewModel coverage = new CoverageViewModel(db);
        GenerationViewModel generation = new GenerationViewModel(db, services.jobs(), services.settings(), () -> {
            services.session().tasksChanged();
            seeds.reload();
            coverage.reload();
        }, System::getenv);
        Tab seedsTab = new Tab("Seeds", new SeedsPane(seeds, services));
        seedsTab.setId("tab-seeds");
        Tab skillsTab = new Tab("Skills", new SkillsPane(skills, services));
        skillsTab.setId("tab-skills");
        Tab coverageTab = new Tab("Coverage", new CoveragePane(coverage));
        coverageTab.setId("tab-coverage");
        coverageTab.setOnSelectionChanged(event -> {
            if (coverageTab.isSelected()) {
                coverage.reload();
            }
        });
        Tab generationTab = new Tab("Generation", new GenerationPane(generation));
        generationTab.setId("tab-generation");
        TabPane tabs = new TabPane(seedsTab, skillsTab, coverageTab, generationTab);
        tabs.setId("seeds-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        getChildren().setAll(tabs);
        closeCurrent = () -> {
            seeds.close();
            skills.close();
        };
    }

    static void describe(ProjectInfo info, EmptyState state) {
        state.update("Seeds & Skills", "Import seed problems and a skill taxonomy to generate tasks from them.");
    }
}
