package org.termcurator.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.termcurator.core.curate.CurationPipeline;
import org.termcurator.core.curate.CurationSettings;
import org.termcurator.core.curate.ExportFormat;
import org.termcurator.core.curate.ExportResult;
import org.termcurator.core.curate.PresetStore;
import org.termcurator.core.curate.ProjectStats;
import org.termcurator.core.project.ProjectAccess;
import org.termcurator.core.project.ProjectDb;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import org.termcurator.core.io.Mappers;

/** {@code curator export}, {@code curator stats} and {@code curator presets}: curation without the window. */
final class CurateCommands {

    private static final ObjectMapper JSON = Mappers.json();

    private CurateCommands() {
    }

    /** Settings from a JSON file; a file that does not read fails the command, naming the file and field. */
    static CurationSettings readSettings(Path file) {
        try {
            return CurationSettings.fromJson(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new CliFailure(file + ": no such file");
        } catch (IOException e) {
            throw new CliFailure(file + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new CliFailure(file + ": " + e.getMessage());
        }
    }

    /** A saved preset ("default" falls back to the defaults); a missing or unreadable one fails the command. */
    static CurationSettings preset(ProjectDb db, String name) throws SQLException {
        try {
            return new PresetStore(db).find(name)
                    .orElseThrow(() -> new CliFailure("no preset named '" + name + "' in " + db.file()));
        } catch (IllegalArgumentException e) {
            throw new CliFailure(e.getMessage());
        }
    }

    static Map<String, Object> settingsJson(CurationSettings settings) {
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> map = JSON.readValue(settings.toJson(), LinkedHashMap.class);
            return map;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Command(name = "export", description = "Export the samples a preset (or settings file) keeps: JSONL messages, "
            + "ShareGPT, Terminal-Corpus rows or Harbor task folders, with a manifest. Without a preset or settings: "
            + "every sample that has a conversation, no curriculum.")
    static final class Export extends ProjectSubcommand {

        static final class Source {
            @Option(names = "--preset", paramLabel = "NAME", description = "A preset saved in the project.")
            String preset;

            @Option(names = "--settings", paramLabel = "FILE.json", description = "Curation settings as JSON.")
            Path settings;
        }

        @ArgGroup(exclusive = true)
        Source source;

        @Option(names = "--format", required = true, paramLabel = "FORMAT",
                description = "messages, sharegpt, corpus or harbor.")
        String format;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write into.")
        Path out;

        @Option(names = "--seed", paramLabel = "N", description = "Seed of the shuffles and the split (overrides the preset's).")
        Long seed;

        Export() {
            super(ProjectAccess.WRITE); // the export is recorded in the project's history
        }

        @Override
        public Integer call() throws Exception {
            ExportFormat exportFormat;
            try {
                exportFormat = ExportFormat.fromKey(format);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--format: " + e.getMessage());
            }
            try (ProjectDb db = openProject()) {
                String presetName = source == null || source.preset == null ? null : source.preset;
                CurationSettings settings = settings(db);
                if (seed != null) {
                    settings = settings.withSeed(seed);
                }
                ExportResult result = new CurationPipeline(db).export(settings, presetName, exportFormat, out,
                        new StderrProgress(cli().err()));
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("exported", result.exported());
                json.put("train", result.train());
                json.put("validation", result.validation());
                json.put("dropped", result.dropped());
                List<String> files = new ArrayList<>();
                result.files().forEach(file -> files.add(file.toString()));
                json.put("files", files);
                json.put("manifest", result.manifest().toString());
                json.put("bytes", result.bytes());
                StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                        "Exported %,d samples (train %,d, validation %,d) as %s to %s%n", result.exported(),
                        result.train(), result.validation(), exportFormat.key(), out.toAbsolutePath()));
                result.dropped().forEach((filter, count) -> {
                    if (count > 0) {
                        text.append(String.format(Locale.ROOT, "  dropped by %-16s %,d%n", filter, count));
                    }
                });
                text.append("Manifest: ").append(result.manifest());
                print(json, text.toString());
                return ExitCodes.OK;
            }
        }

        private CurationSettings settings(ProjectDb db) throws SQLException {
            if (source != null && source.settings != null) {
                return readSettings(source.settings);
            }
            return preset(db, source == null || source.preset == null ? PresetStore.DEFAULT_PRESET : source.preset);
        }
    }

    @Command(name = "stats", description = "Counts of a project's trajectories by source, outcome and domain, "
            + "and their turn and token distributions. Read-only.")
    static final class Stats extends ProjectSubcommand {

        Stats() {
            super(ProjectAccess.READ);
        }

        @Override
        public Integer call() throws Exception {
            ProjectStats stats;
            try (ProjectDb db = openProject()) {
                stats = new CurationPipeline(db).stats(new StderrProgress(cli().err()));
            }
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("trajectories", stats.trajectories());
            json.put("withConversation", stats.withConversation());
            json.put("bySource", stats.bySource());
            json.put("byOutcome", stats.byOutcome());
            json.put("byDomain", stats.byDomain());
            json.put("turns", stats.turns());
            json.put("tokens", stats.tokens());
            json.put("encoding", stats.encoding());
            StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                    "%,d trajectories, %,d with a conversation%n", stats.trajectories(), stats.withConversation()));
            appendCounts(text, "Source", stats.bySource());
            appendCounts(text, "Outcome", stats.byOutcome());
            appendCounts(text, "Domain", stats.byDomain());
            appendSpread(text, "Turns", stats.turns());
            appendSpread(text, "Tokens (" + stats.encoding() + ")", stats.tokens());
            print(json, text.toString().stripTrailing());
            return ExitCodes.OK;
        }

        private static void appendCounts(StringBuilder text, String title, Map<String, Integer> counts) {
            text.append(title).append(":\n");
            counts.forEach((label, count) -> text.append(String.format(Locale.ROOT, "  %-28s %,d%n", label, count)));
        }

        private static void appendSpread(StringBuilder text, String title, ProjectStats.Spread spread) {
            text.append(String.format(Locale.ROOT, "%s: min %,d  p25 %,d  median %,d  p75 %,d  p95 %,d  max %,d  "
                            + "mean %,.1f%n", title, spread.min(), spread.p25(), spread.median(), spread.p75(),
                    spread.p95(), spread.max(), spread.mean()));
        }
    }

    @Command(name = "presets", description = "Named curation settings kept in the project.",
            subcommands = {PresetsList.class, PresetsShow.class, PresetsSave.class, PresetsDelete.class})
    static final class Presets extends ProjectSubcommand.Group {
    }

    @Command(name = "list", description = "The saved presets. Read-only.")
    static final class PresetsList extends ProjectSubcommand {

        PresetsList() {
            super(ProjectAccess.READ);
        }

        @Override
        public Integer call() throws Exception {
            List<PresetStore.PresetInfo> presets;
            try (ProjectDb db = openProject()) {
                presets = new PresetStore(db).list();
            }
            List<Map<String, Object>> list = new ArrayList<>();
            StringBuilder text = new StringBuilder();
            for (PresetStore.PresetInfo preset : presets) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("name", preset.name());
                entry.put("createdAt", preset.createdAt());
                entry.put("updatedAt", preset.updatedAt());
                list.add(entry);
                text.append(preset.name()).append("  (updated ").append(preset.updatedAt()).append(")\n");
            }
            print(Map.of("presets", list), presets.isEmpty() ? "No presets saved." : text.toString().stripTrailing());
            return ExitCodes.OK;
        }
    }

    @Command(name = "show", description = "A preset's settings as JSON (\"default\" shows the defaults). Read-only.")
    static final class PresetsShow extends ProjectSubcommand {
        @Parameters(paramLabel = "NAME")
        String name;

        PresetsShow() {
            super(ProjectAccess.READ);
        }

        @Override
        public Integer call() throws Exception {
            CurationSettings settings;
            try (ProjectDb db = openProject()) {
                settings = preset(db, name);
            }
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("name", name);
            json.put("settings", settingsJson(settings));
            print(json, settings.toJson());
            return ExitCodes.OK;
        }
    }

    @Command(name = "save", description = "Save settings from a JSON file under a name (replacing a preset of that name).")
    static final class PresetsSave extends ProjectSubcommand {
        @Parameters(paramLabel = "NAME")
        String name;

        @Option(names = "--settings", required = true, paramLabel = "FILE.json", description = "Curation settings as JSON.")
        Path settingsFile;

        PresetsSave() {
            super(ProjectAccess.WRITE);
        }

        @Override
        public Integer call() throws Exception {
            CurationSettings settings = readSettings(settingsFile);
            try (ProjectDb db = openProject()) {
                new PresetStore(db).save(name, settings);
            }
            print(Map.of("saved", name.strip()), "Saved preset '" + name.strip() + "'");
            return ExitCodes.OK;
        }
    }

    @Command(name = "delete", description = "Remove a preset.")
    static final class PresetsDelete extends ProjectSubcommand {
        @Parameters(paramLabel = "NAME")
        String name;

        PresetsDelete() {
            super(ProjectAccess.WRITE);
        }

        @Override
        public Integer call() throws Exception {
            boolean deleted;
            try (ProjectDb db = openProject()) {
                deleted = new PresetStore(db).delete(name);
            }
            if (!deleted) {
                throw new CliFailure("no preset named '" + name + "' in " + projectFile().toAbsolutePath());
            }
            print(Map.of("deleted", name), "Deleted preset '" + name + "'");
            return ExitCodes.OK;
        }
    }
}
