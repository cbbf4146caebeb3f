package org.termcurator.app;

import org.termcurator.core.jobs.JobManager;
import org.termcurator.core.docker.DockerAddress;
import org.termcurator.core.settings.Settings;
import org.termcurator.core.settings.SettingsStore;
import org.termcurator.ui.session.DockerStatus;
import org.termcurator.ui.session.FileDialogs;
import org.termcurator.ui.session.ProjectSession;
import org.termcurator.ui.session.RolloutService;
import org.termcurator.ui.session.SystemFileDialogs;
import org.termcurator.ui.session.UiServices;

/**
 * The composition root: builds every long-lived service once, wires them by constructor,
 * and closes them in reverse order. Nothing else in the app creates services.
 */
public final class AppContext implements AutoCloseable {

    private final SettingsStore settingsStore;
    private final Settings settings;
    private final JobManager jobs;
    private final ProjectSession session;
    private final DockerStatus docker;
    private final RolloutService rollouts;
    private final UiServices ui;

    public AppContext(SettingsStore settingsStore, FileDialogs fileDialogs) {
        this.settingsStore = settingsStore;
        this.settings = settingsStore.load();
        this.jobs = new JobManager();
        this.session = new ProjectSession(jobs, settings, settingsStore);
        this.docker = new DockerStatus(() -> DockerAddress.fromSettings(settings));
        this.rollouts = new RolloutService(settings, session);
        this.ui = new UiServices(settings, settingsStore, jobs, session, docker, fileDialogs, rollouts);
    }

    /** The app as a user runs it: settings in the user's config folder, the OS file dialogs. */
    public static AppContext forUser() {
        return new AppContext(SettingsStore.inUserConfig(), new SystemFileDialogs());
    }

    public UiServices ui() {
        return ui;
    }

    @Override
    public void close() {
        rollouts.close(); // containers of running rollouts are removed before the project closes
        docker.close();
        jobs.close();
        session.close();
        settingsStore.close();
    }
}
