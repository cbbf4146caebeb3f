package org.termcurator.ui.session;

import org.termcurator.core.jobs.JobManager;
import org.termcurator.core.settings.Settings;
import org.termcurator.core.settings.SettingsStore;

/** What the window's views share, handed down from the composition root. */
public record UiServices(Settings settings, SettingsStore settingsStore, JobManager jobs, ProjectSession session,
                         DockerStatus docker, FileDialogs fileDialogs, RolloutService rollouts) {

    /** Saves the settings soon (debounced, atomic). */
    public void settingsChanged() {
        settingsStore.saveLater(settings);
    }

    /** Where views remember their columns, dividers and collapsed panes. */
    public LayoutMemory layout() {
        return new LayoutMemory(settings, this::settingsChanged);
    }
}
