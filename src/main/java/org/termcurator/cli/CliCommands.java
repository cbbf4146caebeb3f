package org.termcurator.cli;

import org.termcurator.core.io.SafeText;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.termcurator.core.settings.Settings;
import org.termcurator.core.settings.SettingsStore;
import org.termcurator.core.tasks.ImportError;
import picocli.CommandLine;

/** Small things every command needs. */
final class CliCommands {

    private CliCommands() {
    }

    /** The output of the root command, from any nested subcommand. */
    static CliOutput output(CommandLine.Model.CommandSpec spec) {
        return ((CuratorCli) spec.root().userObject()).output();
    }

    /** The user's settings, read as the window reads them (defaults when there are none); CLI flags override them. */
    static Settings userSettings() {
        try (SettingsStore store = SettingsStore.inUserConfig()) {
            return store.load();
        }
    }

    /** Errors as JSON objects {"path": ..., "message": ...}. */
    static List<Map<String, String>> errors(List<ImportError> errors) {
        List<Map<String, String>> list = new ArrayList<>();
        for (ImportError error : errors) {
            Map<String, String> entry = new LinkedHashMap<>();
            entry.put("path", error.path());
            entry.put("message", error.message());
            list.add(entry);
        }
        return list;
    }

    /** Errors as indented lines after a summary line. */
    static void appendErrors(StringBuilder text, List<ImportError> errors) {
        for (ImportError error : errors) {
            text.append('\n').append("  ").append(SafeText.oneLine(error.path() + ": " + error.message()));
        }
    }
}
