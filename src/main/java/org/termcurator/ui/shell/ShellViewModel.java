package org.termcurator.ui.shell;

import java.nio.file.Path;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.termcurator.core.project.ProjectDb;
import org.termcurator.core.settings.Settings;
import org.termcurator.ui.jobs.JobsViewModel;
import org.termcurator.ui.session.UiServices;
import org.termcurator.ui.settings.SettingsDialog;

/**
 * State of the main window that outlives any view: the current section, the theme, the
 * open project and the recent list. Every change that should survive a restart goes to the
 * settings (saved debounced and atomically).
 */
public final class ShellViewModel {

    private final UiServices services;
    private final JobsViewModel jobs;
    private final ObjectProperty<Section> section = new SimpleObjectProperty<>(this, "section");
    private final BooleanProperty darkTheme = new SimpleBooleanProperty(this, "darkTheme");
    private final ObservableList<String> recentProjects = FXCollections.observableArrayList();

    public ShellViewModel(UiServices services) {
        this.services = services;
        this.jobs = new JobsViewModel(services.jobs());
        Settings settings = services.settings();
        section.set(Section.fromName(settings.getLastSection(), Section.TASKS));
        darkTheme.set(settings.getTheme() == Settings.Theme.DARK);
        recentProjects.setAll(settings.getRecentProjects());
        section.addListener((observable, before, after) -> {
            settings.setLastSection(after.name());
            services.settingsChanged();
        });
        darkTheme.addListener((observable, before, dark) -> {
            settings.setTheme(dark ? Settings.Theme.DARK : Settings.Theme.LIGHT);
            ThemeManager.apply(settings.getTheme());
            services.settingsChanged();
        });
        services.session().projectProperty().addListener((observable, before, after) ->
                recentProjects.setAll(settings.getRecentProjects()));
    }

    public ObjectProperty<Section> sectionProperty() {
        return section;
    }

    public BooleanProperty darkThemeProperty() {
        return darkTheme;
    }

    public ObservableList<String> recentProjects() {
        return recentProjects;
    }

    public JobsViewModel jobs() {
        return jobs;
    }

    public UiServices services() {
        return services;
    }

    /** "Project: name.curator" or "No project open", for the status bar and the title. */
    public StringBinding projectLabel() {
        return Bindings.createStringBinding(() -> {
            ProjectDb db = services.session().project();
            return db == null ? "No project open" : db.file().getFileName().toString();
        }, services.session().projectProperty());
    }

    public StringBinding windowTitle() {
        return Bindings.createStringBinding(() -> {
            ProjectDb db = services.session().project();
            return db == null ? "Terminal Curator" : db.file().getFileName() + " — Terminal Curator";
        }, services.session().projectProperty());
    }

    public void createProject(Path file) {
        services.session().create(file);
    }

    public void openProject(Path file) {
        services.session().open(file);
    }

    public void closeProject() {
        services.session().close();
    }

    public void forgetRecentProjects() {
        services.settings().setRecentProjects(java.util.List.of());
        recentProjects.clear();
        services.settingsChanged();
    }

    /** Applies edited settings from the Settings dialog. */
    public void applySettings(SettingsDialog.Values values) {
        boolean engineChanged = values.applyTo(services.settings());
        services.settingsChanged();
        darkTheme.set(values.theme() == Settings.Theme.DARK);
        if (engineChanged) {
            services.docker().recheck();
        }
    }

    public void rememberWindow(Settings.WindowBounds bounds) {
        services.settings().setWindow(bounds);
        services.settingsChanged();
    }
}
