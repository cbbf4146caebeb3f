package org.termcurator.app;

import org.termcurator.core.AppVersion;
import org.termcurator.core.io.ExportFolder;
import org.termcurator.core.settings.ConfigLocation;

/**
 * What the app puts right before it does anything else, after a crash of an earlier run: export
 * folders whose swap was cut short are finished or rolled back.
 */
final class StartupCleanup {

    private StartupCleanup() {
    }

    static void run() {
        ExportFolder.recoverPending(AppVersion.name(), ConfigLocation.exportJournalDir());
    }
}
