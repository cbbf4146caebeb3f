package org.termcurator.app;

import org.termcurator.core.AppVersion;
import org.termcurator.core.io.AppTemp;
import org.termcurator.core.io.ExportFolder;
import org.termcurator.core.settings.ConfigLocation;

/**
 * What the app puts right before it does anything else, after a crash of an earlier run: the
 * temporary folders of ended runs are deleted (and SQLite's native library is unpacked into this
 * run's), and export folders whose swap was cut short are finished or rolled back.
 */
final class StartupCleanup {

    private StartupCleanup() {
    }

    static void run() {
        AppTemp.startRun();
        ExportFolder.recoverPending(AppVersion.name(), ConfigLocation.exportJournalDir());
    }
}
