package org.termcurator.ui.seeds;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.termcurator.app.AppContext;
import org.termcurator.core.project.ProjectDb;
import org.termcurator.core.settings.SettingsStore;
import org.termcurator.core.skills.Taxonomy;
import org.termcurator.ui.session.ProjectActions;
import org.termcurator.ui.session.ScriptedFileDialogs;
import org.testfx.util.WaitForAsyncUtils;

/** The Seeds &amp; Skills section alone on a stage, with a project open, for headless tests. */
final class SeedsSection {

    private SeedsSection() {
    }

    /** The app and the project it opened; {@link #close()} it after the test. */
    record Shown(AppContext context, ProjectDb db) {
        void close() {
            WaitForAsyncUtils.asyncFx(context::close);
            WaitForAsyncUtils.waitForFxEvents();
        }
    }

    /** A primitive skill with no description or examples. */
    static Taxonomy.Entry leaf(String name) {
        return new Taxonomy.Entry(name, null, null, List.of());
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
