package org.termcurator.ui.seeds;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.termcurator.app.AppContext;
import org.termcurator.core.project.ProjectDb;
import org.termcurator.core.settings.SettingsStore;
import org.termcurator.ui.session.ProjectActions;
import org.termcurator.ui.session.ScriptedFileDialogs;
import org.testfx.util.WaitForAsyncUtils;

/** The Seeds &amp; Skills section alone on a stage, with a project open, for headless tests. */
final class SeedsSection {

    private SeedsSection() {
    }

    /** The app and the project it opened; close the context after the test. */
    record Shown(AppContext context, ProjectDb db) {
    }

    /** Opens {@code project} (settings beside it) and shows the section. */
    static Shown show(Stage stage, Path project, double width, double height) throws Exception {
        AppContext context = new AppContext(new SettingsStore(project.resolveSibling("settings.json")),
                new ScriptedFileDialogs());
        ProjectDb db = context.ui().session().open(project).completion().get(20, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        SeedsSkillsView view = SeedsSkillsView.create(context.ui(), new ProjectActions() {
            @Override
            public void newProject() {
            }

            @Override
            public void openProject() {
            }
        });
        stage.setScene(new Scene(view, width, height));
        stage.show();
        return new Shown(context, db);
    }
}
