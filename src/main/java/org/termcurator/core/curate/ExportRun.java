package org.termcurator.core.curate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.termcurator.core.AppVersion;
import org.termcurator.core.io.AtomicFiles;
import org.termcurator.core.io.ExportFolder;
import org.termcurator.core.jobs.Futures;
import org.termcurator.core.jobs.JobContext;
import org.termcurator.core.project.ProjectDb;
import org.termcurator.core.settings.ConfigLocation;
import org.termcurator.core.tasks.ExportSummary;
import org.termcurator.core.tasks.Hashing;
import org.termcurator.core.tasks.TaskExporter;

/**
 * Writes one export into an {@link ExportFolder}: every file goes to its staging folder, the
 * manifest last, and the staged export takes the output folder's place whole; a cancelled or
 * failed export deletes the staging folder and leaves the output folder as it was. An output
 * folder that holds anything but an earlier export of this app is refused, and an export that
 * would keep no sample writes nothing.
 */
final class ExportRun {

    static final String TRAIN = "train.jsonl";
    static final String VALIDATION = "validation.jsonl";
    static final String MANIFEST = ExportFolder.MANIFEST;
    static final String TASKS = "tasks";

    private static final int BATCH = 256;

    private final ProjectDb db;
    private final Selection selection;
    private final SampleFeatures features;

    ExportRun(ProjectDb db, Selection selection) {
        this.db = db;
        this.selection = selection;
        this.features = selection.features;
    }

    private record Written(Path relative, String sha256, long bytes, int rows) {
    }

    ExportResult export(String presetName, ExportFormat format, Path outDir, JobContext job)
            throws SQLException, IOException {
        if (selection.order.length == 0) {
            throw new IOException("the settings keep none of the " + features.size + " samples, so nothing was written to "
                    + outDir.toAbsolutePath().normalize() + " (loosen the filters and preview again)");
        }
        ExportFolder folder = ExportFolder.of(outDir, AppVersion.name(), ConfigLocation.exportJournalDir());
        Path out = folder.path();
        try (ExportFolder.Staging stage = folder.stage()) {
            Path staging = stage.path();
            List<Written> written = new ArrayList<>();
            int[] train = part(false);
            int[] validation = part(true);
            if (format == ExportFormat.HARBOR) {
                written.addAll(harbor(staging, job));
            } else {
                long total = selection.order.length;
                written.add(jsonl(format, staging.resolve(TRAIN), train, 0, total, job));
                if (settings().split().validationFraction() > 0) {
                    written.add(jsonl(format, staging.resolve(VALIDATION), validation, train.length, total, job));
                }
            }
            job.checkCancelled();
            String createdAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
            String manifest = manifest(presetName, format, written, train.length, validation.length, createdAt);
            AtomicFiles.writeString(staging.resolve(MANIFEST), manifest);
            job.checkCancelled();
            stage.commit();
            List<Path> files = new ArrayList<>();
            written.forEach(file -> files.add(out.resolve(file.relative())));
            files.add(out.resolve(MANIFEST));
            Map<String, Integer> counts = new LinkedHashMap<>();
            counts.put("total", features.size);
            counts.put("exported", selection.order.length);
            counts.put("train", train.length);
            counts.put("validation", validation.length);
            Map<String, Integer> dropped = dropped();
            dropped.forEach((filter, count) -> counts.put("dropped." + filter, count));
            long historyId = new ExportHistory(db).record(presetName, settings(), format, out.toString(), counts,
                    manifest, createdAt);
            long bytes = written.stream().mapToLong(Written::bytes).sum();
            return new ExportResult(selection.order.length, train.length, validation.length, dropped, files,
                    out.resolve(MANIFEST), bytes, historyId);
        }
    }

    private CurationSettings settings() {
        return selection.settings;
    }

    /** Kept samples of one side of the split, in export order. */
    private int[] part(boolean validation) {
        return java.util.Arrays.stream(selection.order).filter(s -> selection.validation[s] == validation).toArray();
    }

    Map<String, Integer> dropped() {
        Map<String, Integer> dropped = new LinkedHashMap<>();
        for (Filter filter : Filter.values()) {
            dropped.put(filter.key(), selection.funnelIn[filter.ordinal()] - selection.funnelOut[filter.ordinal()]);
        }
        return dropped;
    }

    private Written jsonl(ExportFormat format, Path file, int[] samples, long doneBefore, long total, JobContext job)
            throws SQLException, IOException {
        MessageDigest digest = Hashing.sha256();
        CountingStream counter;
        // the next batch is read from the project while this one is written
        ExecutorService reader = Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon()
                .name("curation-export-reader").factory());
        try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(file,
                java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE);
             OutputStream stream = new ForcedStream(java.nio.channels.Channels.newOutputStream(channel), channel)) {
            counter = new CountingStream(new DigestOutputStream(stream, digest));
            JsonLineWriter json = new JsonLineWriter(counter);
            Future<Batch> next = reader.submit(() -> readBatch(format, samples, 0, Math.min(samples.length, BATCH)));
            for (int start = 0; start < samples.length; start += BATCH) {
                job.checkCancelled();
                int end = Math.min(samples.length, start + BATCH);
                Batch batch = Futures.await(next);
                if (end < samples.length) {
                    next = reader.submit(() -> readBatch(format, samples, end, Math.min(samples.length, end + BATCH)));
                }
                writeBatch(format, json, samples, start, end, batch);
                job.progress(doneBefore + end, total);
                job.message(String.format(Locale.ROOT, "Writing %s: %,d of %,d samples", file.getFileName(),
                        doneBefore + end, total));
            }
            json.flush();
        } finally {
            reader.shutdownNow();
        }
        return new Written(file.getFileName(), Hashing.hex(digest.digest()), counter.count, samples.length);
    }

    private record Batch(Map<Long, Conversation> conversations, Map<Long, RowWriter.CorpusColumns> columns) {
    }

    private Batch readBatch(ExportFormat format, int[] samples, int start, int end) throws SQLException {
        List<Long> ids = new ArrayList<>(end - start);
        for (int i = start; i < end; i++) {
            ids.add(features.id[samples[i]]);
        }
        return db.read(connection -> new Batch(ConversationReader.conversations(connection, ids),
                format == ExportFormat.CORPUS ? ConversationReader.corpusColumns(connection, ids) : Map.of()));
    }

    private void writeBatch(ExportFormat format, JsonLineWriter json, int[] samples, int start, int end, Batch batch)
            throws IOException {
        for (int i = start; i < end; i++) {
            int sample = samples[i];
            long id = features.id[sample];
            Conversation conversation = batch.conversations().get(id);
            List<ChatMessage> messages = messages(sample, conversation);
            RowWriter.write(format, json, messages, columns(batch.columns().get(id), sample, messages));
            json.endLine();
        }
    }

    /** The sample's messages after cleaning and cutting, decided by the same rule the preview counted with. */
    List<ChatMessage> messages(int sample, Conversation conversation) {
        int turns = features.turnFlags[sample].length;
        if (conversation == null || conversation.turns().size() != turns) {
            throw new IllegalStateException("trajectory " + features.id[sample]
                    + " changed since the preview; preview again before exporting");
        }
        boolean[] keep = new boolean[turns];
        TurnSelection.select(features.turnFlags[sample], features.turnTokens[sample], 0, turns,
                features.prefixTokens[sample], settings(), keep, new int[2]);
        return conversation.messages(keep);
    }

    private RowWriter.CorpusColumns columns(RowWriter.CorpusColumns stored, int sample, List<ChatMessage> messages) {
        if (stored == null) {
            return null;
        }
        long answers = messages.stream().filter(ChatMessage::isAssistant).count();
        String episode = stored.episode() != null ? stored.episode() : "episode-" + Math.max(0, answers - 1);
        Boolean thinking = stored.enableThinking() != null ? stored.enableThinking()
                : messages.stream().anyMatch(m -> m.isAssistant() && m.content().startsWith("<think>"));
        return new RowWriter.CorpusColumns(stored.agent(), stored.model(), stored.modelProvider(), stored.date(),
                stored.task() != null ? stored.task() : features.knownTaskName(sample), episode, stored.runId(),
                stored.trialName(), thinking, stored.source());
    }

    private List<Written> harbor(Path staging, JobContext job) throws SQLException, IOException {
        LinkedHashSet<Long> taskIds = new LinkedHashSet<>();
        for (int sample : selection.order) {
            if (features.taskId[sample] >= 0) {
                taskIds.add(features.taskId[sample]);
            }
        }
        if (taskIds.isEmpty() && selection.order.length > 0) {
            // an export that writes only a manifest would look like a success
            throw new IOException("none of the " + selection.order.length + " kept samples is linked to a task in the"
                    + " project, so there are no Harbor task folders to write (import the tasks, then the runs)");
        }
        Path tasks = staging.resolve(TASKS);
        ExportSummary summary = new TaskExporter(db, true).export(new ArrayList<>(taskIds), tasks, job);
        if (summary.failed() > 0) {
            throw new IOException("task folders could not be written: " + summary.errors().getFirst().path() + ": "
                    + summary.errors().getFirst().message());
        }
        List<Written> written = new ArrayList<>();
        if (!Files.isDirectory(tasks)) {
            return written;
        }
        try (Stream<Path> walk = Files.walk(tasks)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                MessageDigest digest = Hashing.sha256();
                try (InputStream in = Files.newInputStream(file)) {
                    byte[] buffer = new byte[1 << 16];
                    int read;
                    while ((read = in.read(buffer)) > 0) {
                        digest.update(buffer, 0, read);
                    }
                }
                written.add(new Written(staging.relativize(file), Hashing.hex(digest.digest()), Files.size(file), 0));
            }
        }
        return written;
    }

    private String manifest(String presetName, ExportFormat format, List<Written> written, int train, int validation,
                            String createdAt) throws IOException {
        ObjectNode manifest = SettingsJson.MAPPER.createObjectNode();
        manifest.put("app", AppVersion.name());
        manifest.put("appVersion", AppVersion.version());
        manifest.put("createdAt", createdAt);
        manifest.put("preset", presetName);
        manifest.put("format", format.key());
        manifest.put("seed", settings().seed());
        manifest.set("settings", SettingsJson.MAPPER.readTree(settings().toJson()));
        manifest.put("encoding", features.encoding);
        manifest.put("inputHash", features.inputHash);
        ObjectNode counts = manifest.putObject("counts");
        counts.put("total", features.size);
        counts.put("exported", selection.order.length);
        counts.put("train", train);
        counts.put("validation", validation);
        ArrayNode funnel = counts.putArray("funnel");
        for (Filter filter : Filter.values()) {
            funnel.addObject().put("filter", filter.key()).put("in", selection.funnelIn[filter.ordinal()])
                    .put("out", selection.funnelOut[filter.ordinal()]);
        }
        ArrayNode stages = manifest.putArray("stages");
        for (StageBoundary stage : selection.stages) {
            stages.addObject().put("stage", stage.stage()).put("start", stage.start()).put("count", stage.count());
        }
        ArrayNode files = manifest.putArray("files");
        for (Written file : written) {
            ObjectNode entry = files.addObject().put("path", file.relative().toString().replace('\\', '/'))
                    .put("sha256", file.sha256()).put("bytes", file.bytes());
            if (format != ExportFormat.HARBOR) {
                entry.put("rows", file.rows());
            }
        }
        return SettingsJson.MAPPER.writeValueAsString(manifest) + "\n";
    }

    /** Forces the file's bytes to disk before it is closed, so a rename never exposes a file that is not there yet. */
    private static final class ForcedStream extends java.io.FilterOutputStream {
        private final java.nio.channels.FileChannel channel;

        ForcedStream(OutputStream out, java.nio.channels.FileChannel channel) {
            super(out);
            this.channel = channel;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            if (!channel.isOpen()) {
                return;
            }
            out.flush();
            channel.force(true);
            super.close();
        }
    }

    /** Counts the bytes that reach the file. */
    private static final class CountingStream extends java.io.FilterOutputStream {
        long count;

        CountingStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}
