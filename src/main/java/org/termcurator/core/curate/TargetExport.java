package org.termcurator.core.curate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.termcurator.core.curate.trainer.Redactor;
import org.termcurator.core.curate.trainer.ShardedRows;
import org.termcurator.core.curate.trainer.TerminusTools;
import org.termcurator.core.curate.trainer.TrainMessage;
import org.termcurator.core.curate.trainer.TrainSample;
import org.termcurator.core.jobs.JobContext;
import org.termcurator.core.project.ProjectDb;

/**
 * Writes the kept samples for a trainer target into a Hugging Face dataset folder: data files per
 * config and split (sharded), then the card and the target's own file (LLaMA-Factory's
 * dataset_info.json, an Axolotl config snippet). Counts what it wrote for the card and manifest.
 */
final class TargetExport {

    private static final int BATCH = 256;

    /** What the export wrote and counted. */
    static final class Totals {
        final Map<String, Map<String, List<ShardedRows.Shard>>> shards = new TreeMap<>();
        final Map<String, Map<String, String>> globs = new TreeMap<>();
        final Map<String, Integer> rowsBySplit = new LinkedHashMap<>();
        int samplesWithoutTrainedTurn;
        long trainedTurns;
        long maskedTurns;
        long trainedTokens;
        final Map<String, Integer> maskedBy = new TreeMap<>();
        Map<String, Integer> redactions = Map.of();
        int redactionTotal;
    }

    private final ProjectDb db;
    private final Selection selection;
    private final SampleFeatures features;
    private final ExportFormat target;
    private final ExportOptions options;
    private final LengthCounter lengths;

    TargetExport(ProjectDb db, Selection selection, ExportFormat target, ExportOptions options, LengthCounter lengths) {
        this.db = db;
        this.selection = selection;
        this.features = selection.features;
        this.target = target;
        this.options = options;
        this.lengths = lengths;
    }

    Totals write(Path staging, int[] train, int[] validation, ExportRun run, JobContext job)
            throws SQLException, IOException {
        Totals totals = new Totals();
        Redactor redactor = options.redact() ? new Redactor() : null;
        Map<String, ShardedRows> writers = new TreeMap<>();
        long total = train.length + validation.length;
        try {
            long done = 0;
            for (String split : List.of("train", "validation")) {
                int[] samples = split.equals("train") ? train : validation;
                if (split.equals("validation") && selection.settings.split().validationFraction() <= 0) {
                    continue;
                }
                for (int start = 0; start < samples.length; start += BATCH) {
                    job.checkCancelled();
                    int end = Math.min(samples.length, start + BATCH);
                    Batch batch = read(samples, start, end);
                    for (int i = start; i < end; i++) {
                        int sample = samples[i];
                        writeSample(sample, batch, split, staging, writers, redactor, run, totals);
                    }
                    done += end - start;
                    job.progress(done, total);
                    job.message(String.format(Locale.ROOT, "Writing %s rows: %,d of %,d samples", target.key(), done,
                            total));
                }
            }
            for (Map.Entry<String, ShardedRows> entry : writers.entrySet()) {
                String[] key = entry.getKey().split("\t");
                totals.shards.computeIfAbsent(key[0], c -> new TreeMap<>()).put(key[1], entry.getValue().finish());
                totals.globs.computeIfAbsent(key[0], c -> new TreeMap<>()).put(key[1], entry.getValue().glob());
            }
        } finally {
            for (ShardedRows writer : writers.values()) {
                writer.close();
            }
        }
        if (redactor != null) {
            totals.redactions = redactor.counts();
            totals.redactionTotal = redactor.total();
        }
        return totals;
    }

    private void writeSample(int sample, Batch batch, String split, Path staging, Map<String, ShardedRows> writers,
                             Redactor redactor, ExportRun run, Totals totals) throws IOException {
        long id = features.id[sample];
        Conversation conversation = batch.conversations().get(id);
        boolean[] keep = run.keep(sample, conversation);
        RowWriter.CorpusColumns stored = batch.columns().get(id);
        List<ChatMessage> plain = conversation.messages(keep);
        RowWriter.CorpusColumns columns = run.columns(stored, sample, plain);
        TrainSample shaped = SampleShaper.shape(conversation, keep, selection.settings.masking(), options.shape(),
                batch.tools().getOrDefault(id, List.of()), stored == null ? null : stored.enableThinking(), redactor);
        count(conversation, keep, shaped, totals);
        List<ObjectNode> rows = TargetRows.rows(target, shaped, options.unflagged(),
                new TargetRows.Meta(columns, batch.results().get(id), batch.instructions().get(id)));
        if (rows.isEmpty()) {
            totals.samplesWithoutTrainedTurn++;
            return;
        }
        String folder = folder(sample, columns);
        ShardedRows writer = writers.computeIfAbsent(folder + "\t" + split, key -> new ShardedRows(staging, folder,
                split, options.fileFormat() == ExportOptions.FileFormat.PARQUET, TargetRows.columns(target),
                options.shardBytes()));
        for (ObjectNode row : rows) {
            writer.write(row);
        }
        totals.rowsBySplit.merge(split, rows.size(), Integer::sum);
    }

    private void count(Conversation conversation, boolean[] keep, TrainSample shaped, Totals totals) {
        CurationSettings.Masking masking = selection.settings.masking();
        for (int t = 0; t < keep.length; t++) {
            if (!keep[t]) {
                continue;
            }
            byte flags = conversation.turns().get(t).flags();
            if (!masking.trains(flags)) {
                totals.maskedTurns++;
                for (Map.Entry<String, Byte> reason : MASK_REASONS.entrySet()) {
                    if ((flags & reason.getValue() & masking.flags()) != 0) {
                        totals.maskedBy.merge(reason.getKey(), 1, Integer::sum);
                    }
                }
            } else {
                totals.trainedTurns++;
            }
        }
        totals.trainedTokens += lengths.trainedTokens(shaped);
    }

    static final Map<String, Byte> MASK_REASONS = Map.of("parse-error", Conversation.PARSE_ERROR, "harness-error",
            Conversation.HARNESS_ERROR, "repeated-command", Conversation.REPEATED, "timeout", Conversation.TIMEOUT,
            "copied-context", Conversation.COPIED);

    /** The config folder of a sample: {@code data}, or Terminal-Corpus's difficulty and domain folders. */
    private String folder(int sample, RowWriter.CorpusColumns columns) {
        if (target != ExportFormat.TERMINAL_CORPUS) {
            return "data";
        }
        String domain = features.domains[features.domain[sample]];
        if (features.taskId[sample] < 0 || domain == null) {
            String source = columns == null || columns.source() == null ? "other" : columns.source();
            return "dataset_adapters/" + safe(source);
        }
        String level = switch (features.difficulty[sample]) {
            case 0, 1 -> "easy";
            case 2 -> "medium";
            default -> "mixed";
        };
        return "skill_based_" + level + "/" + safe(domain);
    }

    private static String safe(String name) {
        String cleaned = name.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_.-]+", "_");
        return cleaned.isEmpty() || cleaned.startsWith(".") ? "_" + cleaned : cleaned;
    }

    private record Batch(Map<Long, Conversation> conversations, Map<Long, RowWriter.CorpusColumns> columns,
                         Map<Long, List<JsonNode>> tools, Map<Long, String> results, Map<Long, String> instructions) {
    }

    private Batch read(int[] samples, int start, int end) throws SQLException {
        List<Long> ids = new ArrayList<>(end - start);
        for (int i = start; i < end; i++) {
            ids.add(features.id[samples[i]]);
        }
        return db.read(connection -> {
            Map<Long, List<JsonNode>> tools = new HashMap<>();
            Map<Long, String> results = new HashMap<>();
            Map<Long, String> instructions = new HashMap<>();
            extras(connection, ids, tools, results, instructions);
            return new Batch(ConversationReader.conversations(connection, ids),
                    ConversationReader.corpusColumns(connection, ids), tools, results, instructions);
        });
    }

    /** ATIF tool definitions, the outcome (reward or exception) and the task's instruction of each trajectory. */
    private static void extras(Connection connection, List<Long> ids, Map<Long, List<JsonNode>> tools,
                               Map<Long, String> results, Map<Long, String> instructions) throws SQLException {
        String marks = "?" + ",?".repeat(Math.max(0, ids.size() - 1));
        try (PreparedStatement select = connection.prepareStatement("SELECT t.id, "
                + "json_extract(t.extra, '$.\"trajectory.json\".agent.tool_definitions'), t.reward, t.exception, "
                + "k.instruction FROM trajectories t LEFT JOIN tasks k ON k.id = t.task_id WHERE t.id IN (" + marks + ")")) {
            for (int i = 0; i < ids.size(); i++) {
                select.setLong(i + 1, ids.get(i));
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    long id = rows.getLong(1);
                    String definitions = rows.getString(2);
                    if (definitions != null) {
                        try {
                            tools.put(id, TerminusTools.fromAtif(SettingsJson.MAPPER.readTree(definitions)));
                        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                            // unreadable definitions: the Terminus tools stand in
                        }
                    }
                    double reward = rows.getDouble(3);
                    boolean hasReward = !rows.wasNull();
                    String exception = rows.getString(4);
                    results.put(id, exception != null ? exception : hasReward ? formatReward(reward) : null);
                    instructions.put(id, rows.getString(5));
                }
            }
        }
    }

    private static String formatReward(double reward) {
        return reward == Math.rint(reward) ? String.valueOf((long) reward) : String.valueOf(reward);
    }

    /** Tokens a trainer learns from in one shaped sample. */
    interface LengthCounter {
        long trainedTokens(TrainSample sample);
    }

    /** Counts trained messages with the settings' estimator: content, reasoning and calls of each. */
    static LengthCounter estimator(TokenCounter counter) {
        return sample -> {
            long sum = 0;
            for (TrainMessage message : sample.messages()) {
                if (message.trained()) {
                    sum += counter.message(message.content());
                    if (message.reasoning() != null) {
                        sum += counter.count(message.reasoning());
                    }
                    if (!message.toolCalls().isEmpty()) {
                        sum += counter.count(TargetRows.text(SettingsJson.MAPPER.valueToTree(message.toolCalls())));
                    }
                }
            }
            return sum;
        };
    }
}
