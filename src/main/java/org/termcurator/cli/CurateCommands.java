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
import org.termcurator.core.curate.ExportOptions;
import org.termcurator.core.curate.ExportResult;
import org.termcurator.core.curate.PresetStore;
import org.termcurator.core.curate.ProjectStats;
import org.termcurator.core.curate.trainer.Shape;
import org.termcurator.core.io.Mappers;
import org.termcurator.core.project.ProjectAccess;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import org.termcurator.core.project.ProjectDb;

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
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new CliFailure(file + ": not UTF-8 text (a binary file?); settings are a JSON file");
        } catch (IOException e) {
            throw new CliFailure(file + ": cannot be read (" + e.getMessage() + ")");
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
            + "ShareGPT, Terminal-Corpus rows or Harbor task folders (--format), or a Hugging Face dataset folder "
            + "for a trainer (--target), with a manifest. Without a preset or settings: every sample that has a "
            + "conversation, no curriculum.")
    static final class Export extends ProjectSubcommand {

        static final class Source {
            @Option(names = "--preset", paramLabel = "NAME", description = "A preset saved in the project.")
            String preset;

            @Option(names = "--settings", paramLabel = "FILE.json", description = "Curation settings as JSON.")
            Path settings;
        }

        @ArgGroup(exclusive = true)
        Source source;

        static final class What {
            @Option(names = "--format", paramLabel = "FORMAT", description = "messages, sharegpt, corpus or harbor "
                    + "(or a target's name).")
            String format;

            @Option(names = "--target", paramLabel = "TARGET", description = "trl, nemo-rl, llama-factory, axolotl, "
                    + "harbor-traces or terminal-corpus: a Hugging Face dataset folder in the shape that trainer loads.")
            String target;
        }

        @ArgGroup(exclusive = true, multiplicity = "1")
        What what;

        @Option(names = "--file-format", paramLabel = "jsonl|parquet", description = "Data files of a target "
                + "(default parquet, zstd).")
        String fileFormat;

        @Option(names = "--tokenizer", paramLabel = "MODEL_DIR", description = "A model folder with tokenizer.json "
                + "and tokenizer_config.json: the length filter and token counts use the text its chat template renders.")
        Path tokenizer;

        @Option(names = "--tools", paramLabel = "text|tool-calls", description = "The agent's commands as its own "
                + "answer text or as structured tool calls (default: the target's usual shape).")
        String tools;

        @Option(names = "--reasoning", paramLabel = "field|think-tags|drop", description = "Reasoning as "
                + "reasoning_content, inline <think> tags, or left out (default: the target's usual shape).")
        String reasoning;

        @Option(names = "--last-reasoning-only", description = "Drop the reasoning of every assistant turn but the "
                + "last of a row.")
        boolean lastReasoningOnly;

        @Option(names = "--unflagged", paramLabel = "cut|split", description = "For targets without a per-turn "
                + "train flag: cut a sample after its last trained turn (default), or one row per trained turn.")
        String unflagged;

        @Option(names = "--no-redact", description = "Keep API keys, tokens and passwords (redacted by default).")
        boolean noRedact;

        @Option(names = "--shard-mb", paramLabel = "MB", description = "Start a new data file past this size "
                + "(default 512).")
        Long shardMb;

        @Option(names = "--name", paramLabel = "NAME", description = "The dataset's name (card, dataset_info.json).")
        String name;

        @Option(names = "--license", paramLabel = "ID", description = "The card's license id (default other).")
        String license;

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
            String option = what.target != null ? "--target" : "--format";
            try {
                exportFormat = ExportFormat.fromKey(what.target != null ? what.target : what.format);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), option + ": " + e.getMessage());
            }
            if (what.target != null && !exportFormat.isTarget()) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--target: '" + what.target
                        + "' is a plain format; use --format " + what.target);
            }
            ExportOptions options = options(exportFormat);
            try (ProjectDb db = openProject()) {
                String presetName = source == null || source.preset == null ? null : source.preset;
                CurationSettings settings = settings(db);
                if (seed != null) {
                    settings = settings.withSeed(seed);
                }
                ExportResult result;
                try {
                    result = new CurationPipeline(db).export(settings, presetName, exportFormat, options, out,
                            new StderrProgress(cli().err()));
                } catch (IllegalArgumentException e) {
                    throw new CliFailure(e.getMessage());
                }
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

        private ExportOptions options(ExportFormat format) {
            ExportOptions options = ExportOptions.forTarget(format);
            try {
                if (fileFormat != null) {
                    options = options.withFileFormat(ExportOptions.FileFormat.fromKey(fileFormat));
                }
                Shape shape = options.shape();
                if (tools != null || reasoning != null || lastReasoningOnly) {
                    options = options.withShape(new Shape(tools == null ? shape.tools() : enumOf(Shape.ToolStyle.class,
                            tools, "--tools"), reasoning == null ? shape.reasoning()
                            : enumOf(Shape.ReasoningStyle.class, reasoning, "--reasoning"), !lastReasoningOnly));
                }
                if (unflagged != null) {
                    options = options.withUnflagged(enumOf(ExportOptions.Unflagged.class, unflagged, "--unflagged"));
                }
                if (noRedact) {
                    options = options.withRedact(false);
                }
                if (shardMb != null) {
                    if (shardMb < 1) {
                        throw new IllegalArgumentException("--shard-mb: must be 1 or more");
                    }
                    options = options.withShardBytes(shardMb * 1024 * 1024);
                }
                if (name != null) {
                    options = options.withName(name);
                }
                if (license != null) {
                    options = options.withLicense(license);
                }
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
            if (tokenizer != null) {
                if (!Files.isRegularFile(tokenizer.resolve("tokenizer.json"))) {
                    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--tokenizer: "
                            + tokenizer.resolve("tokenizer.json") + ": no such file");
                }
                if (!format.isTarget()) {
                    throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                            "--tokenizer: only with --target (a dataset folder for a trainer)");
                }
                options = options.withTokenizer(tokenizer.toAbsolutePath().toString());
            }
            return options;
        }

        /** An option's value as the enum constant whose JSON name or constant name it is. */
        private static <E extends Enum<E>> E enumOf(Class<E> type, String value, String option) {
            for (E constant : type.getEnumConstants()) {
                String key = constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
                if (key.equals(value.toLowerCase(Locale.ROOT))) {
                    return constant;
                }
            }
            throw new IllegalArgumentException(option + ": unknown value '" + value + "' ("
                    + String.join(", ", java.util.Arrays.stream(type.getEnumConstants())
                    .map(c -> c.name().toLowerCase(Locale.ROOT).replace('_', '-')).toList()) + ")");
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
