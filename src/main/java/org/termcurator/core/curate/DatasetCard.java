package org.termcurator.core.curate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.termcurator.core.AppVersion;
import org.termcurator.core.curate.trainer.Column;
import org.termcurator.core.curate.trainer.ShardedRows;
import org.termcurator.core.io.Mappers;

/**
 * The text files of a trainer export's dataset folder: the README.md card (YAML front matter with
 * configs, features, license and counts, as {@code datasets.load_dataset} reads it; the funnel
 * and the manifest's choices in prose), LLaMA-Factory's dataset_info.json and an Axolotl config
 * snippet. Nothing of the moment goes in, so two exports of the same settings write the same bytes.
 */
final class DatasetCard {

    static final String CARD = "README.md";
    static final String DATASET_INFO = "dataset_info.json";
    static final String AXOLOTL_CONFIG = "axolotl.yaml";

    private static final ObjectMapper YAML = Mappers.editableYaml();

    private DatasetCard() {
    }

    static String card(ExportFormat target, ExportOptions options, Selection selection, TargetExport.Totals totals,
                       String presetName, String lengthsBy) throws IOException {
        Map<String, Object> front = new LinkedHashMap<>();
        front.put("license", options.license());
        front.put("pretty_name", options.name());
        front.put("task_categories", List.of("text-generation"));
        front.put("tags", List.of("terminal", "agents", "sft", target.key()));
        List<Object> configs = new ArrayList<>();
        List<Object> infos = new ArrayList<>();
        List<Column> columns = TargetRows.columns(target);
        List<Object> features = new ArrayList<>();
        for (Column column : columns) {
            features.add(column.namedFeature());
        }
        for (Map.Entry<String, Map<String, List<ShardedRows.Shard>>> config : totals.shards.entrySet()) {
            String name = configName(config.getKey());
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("config_name", name);
            List<Object> files = new ArrayList<>();
            List<Object> splits = new ArrayList<>();
            long configBytes = 0;
            for (Map.Entry<String, List<ShardedRows.Shard>> split : config.getValue().entrySet()) {
                files.add(Map.of("split", split.getKey(), "path", totals.globs.get(config.getKey()).get(split.getKey())));
                int rows = split.getValue().stream().mapToInt(ShardedRows.Shard::rows).sum();
                long bytes = split.getValue().stream().mapToLong(ShardedRows.Shard::bytes).sum();
                configBytes += bytes;
                Map<String, Object> info = new LinkedHashMap<>();
                info.put("name", split.getKey());
                info.put("num_bytes", bytes);
                info.put("num_examples", rows);
                splits.add(info);
            }
            entry.put("data_files", files);
            configs.add(entry);
            Map<String, Object> info = new LinkedHashMap<>();
            info.put("config_name", name);
            info.put("features", features);
            info.put("splits", splits);
            info.put("download_size", configBytes);
            infos.add(info);
        }
        front.put("configs", configs);
        front.put("dataset_info", infos);

        StringBuilder text = new StringBuilder("---\n").append(YAML.writeValueAsString(front)).append("---\n\n");
        SampleFeatures f = selection.features;
        text.append("# ").append(options.name()).append("\n\n");
        text.append("Agent trajectories on terminal tasks, exported by ").append(AppVersion.name()).append(' ')
                .append(AppVersion.version()).append(" for ").append(trainer(target)).append(".\n\n");
        text.append("## What the export kept\n\n");
        text.append(String.format(Locale.ROOT, "%,d of %,d trajectories passed the filters", selection.order.length, f.size));
        text.append(String.format(Locale.ROOT, " (train %,d, validation %,d) and became %,d rows",
                selection.order.length - selection.validationCount(), selection.validationCount(),
                totals.rowsBySplit.values().stream().mapToInt(Integer::intValue).sum()));
        text.append(totals.samplesWithoutTrainedTurn > 0 ? String.format(Locale.ROOT,
                "; %,d had no turn left to train on and wrote no row", totals.samplesWithoutTrainedTurn) : "").append(".\n\n");
        text.append("| filter | in | out | dropped |\n|---|---:|---:|---:|\n");
        for (Filter filter : Filter.values()) {
            int in = selection.funnelIn[filter.ordinal()];
            int out = selection.funnelOut[filter.ordinal()];
            text.append(String.format(Locale.ROOT, "| %s | %,d | %,d | %,d |%n", filter.key(), in, out, in - out));
        }
        text.append(String.format(Locale.ROOT, "%nAssistant turns trained on: %,d; masked (kept as context, not "
                + "learned from): %,d", totals.trainedTurns, totals.maskedTurns));
        if (!totals.maskedBy.isEmpty()) {
            List<String> reasons = new ArrayList<>();
            totals.maskedBy.forEach((reason, count) -> reasons.add(reason + " " + count));
            text.append(" (").append(String.join(", ", reasons)).append(')');
        }
        text.append(String.format(Locale.ROOT, ".%nTokens in trained turns: %,d (%s).%n", totals.trainedTokens, lengthsBy));
        text.append(options.redact() ? String.format(Locale.ROOT, "Secrets redacted: %,d%s.%n", totals.redactionTotal,
                totals.redactions.isEmpty() ? "" : " (" + String.join(", ", totals.redactions.entrySet().stream()
                        .map(e -> e.getKey() + " " + e.getValue()).toList()) + ")")
                : "Secrets were not redacted.\n");
        text.append("\n## How\n\n");
        text.append("- Shape: ").append(TargetRows.describe(options.shape())).append(".\n");
        if (!target.hasTurnFlags() && target != ExportFormat.HARBOR_TRACES) {
            text.append("- This format has no per-turn train flag: ").append(options.unflagged()
                    == ExportOptions.Unflagged.CUT ? "each sample ends at its last trained turn."
                    : "each trained turn is a row of its own, ending with it.").append('\n');
        } else if (target == ExportFormat.AXOLOTL) {
            text.append("- Every message has `train`; masked answers have `train: false`.\n");
        } else if (target == ExportFormat.LLAMA_FACTORY) {
            text.append("- Answers have `loss_weight` 1 (trained) or 0 (masked).\n");
        } else {
            text.append("- One row per trained agent step.\n");
        }
        text.append("- Masking rule: ").append(selection.settings.masking()).append('\n');
        text.append("- Seed ").append(selection.settings.seed()).append(presetName == null ? "" : ", preset `"
                + presetName + "`").append("; `manifest.json` beside this card lists every setting and the SHA-256 of "
                + "every file.\n");
        text.append("\n## Load\n\n```python\nfrom datasets import load_dataset\n\nds = load_dataset(\"path/to/this/folder\"")
                .append(configs.size() > 1 ? ", \"" + configName(totals.shards.keySet().iterator().next()) + "\"" : "")
                .append(")\n```\n");
        return text.toString();
    }

    private static String trainer(ExportFormat target) {
        return switch (target) {
            case TRL -> "TRL's SFTTrainer (`messages` with `tool_calls`, `tools`, `chat_template_kwargs`)";
            case NEMO_RL -> "NeMo RL's openai_format (`messages`, `tools`)";
            case LLAMA_FACTORY -> "LLaMA-Factory (sharegpt with function_call and observation; see dataset_info.json)";
            case AXOLOTL -> "Axolotl's chat_template strategy (see axolotl.yaml)";
            case HARBOR_TRACES -> "the Harbor traces layout (one row per agent step)";
            case TERMINAL_CORPUS -> "the Terminal-Corpus layout (configs by difficulty and domain)";
            default -> target.key();
        };
    }

    /** A config's name from its folder: {@code default} for {@code data}, else the folder with '/' as '-'. */
    static String configName(String folder) {
        return folder.equals("data") ? "default" : folder.replace('/', '-');
    }

    /** LLaMA-Factory's entries: one per split, naming the split's folder, the sharegpt columns and tags. */
    static String datasetInfo(ExportOptions options, TargetExport.Totals totals) throws IOException {
        ObjectNode info = SettingsJson.MAPPER.createObjectNode();
        Map<String, String> globs = totals.globs.getOrDefault("data", Map.of());
        for (Map.Entry<String, String> split : globs.entrySet()) {
            String folder = split.getValue().substring(0, split.getValue().lastIndexOf('/'));
            ObjectNode entry = info.putObject(split.getKey().equals("train") ? options.name()
                    : options.name() + "_" + split.getKey());
            entry.put("file_name", folder);
            entry.put("formatting", "sharegpt");
            entry.putObject("columns").put("messages", "conversations").put("system", "system").put("tools", "tools");
            entry.putObject("tags").put("role_tag", "from").put("content_tag", "value").put("user_tag", "human")
                    .put("assistant_tag", "gpt").put("observation_tag", "observation").put("function_tag", "function_call")
                    .put("system_tag", "system");
        }
        return SettingsJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(info) + "\n";
    }

    /** An Axolotl {@code datasets:} entry for the folder: chat_template, messages, tools, the per-message flag. */
    static String axolotl(ExportOptions options, TargetExport.Totals totals) throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        List<Object> datasets = new ArrayList<>();
        List<Object> tests = new ArrayList<>();
        for (Map.Entry<String, String> split : totals.globs.getOrDefault("data", Map.of()).entrySet()) {
            Map<String, Object> dataset = new LinkedHashMap<>();
            dataset.put("path", ".");
            dataset.put("ds_type", options.fileFormat() == ExportOptions.FileFormat.PARQUET ? "parquet" : "json");
            dataset.put("data_files", List.of(split.getValue()));
            dataset.put("split", "train");
            dataset.put("type", "chat_template");
            dataset.put("field_messages", "messages");
            dataset.put("field_tools", "tools");
            dataset.put("message_property_mappings", Map.of("role", "role", "content", "content"));
            dataset.put("roles_to_train", List.of("assistant"));
            dataset.put("message_field_training", "train");
            dataset.put("train_on_eos", "turn");
            (split.getKey().equals("train") ? datasets : tests).add(dataset);
        }
        root.put("datasets", datasets);
        if (!tests.isEmpty()) {
            root.put("test_datasets", tests);
        }
        return "# Axolotl config snippet for this folder (path: . is the folder; point it where the folder lives)\n"
                + YAML.writeValueAsString(root);
    }
}
