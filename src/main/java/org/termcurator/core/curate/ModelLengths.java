package org.termcurator.core.curate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.termcurator.core.curate.trainer.ModelTokenizer;
import org.termcurator.core.curate.trainer.Shape;
import org.termcurator.core.curate.trainer.TrainSample;
import org.termcurator.core.jobs.Futures;
import org.termcurator.core.jobs.JobContext;
import org.termcurator.core.project.ProjectDb;

/**
 * Sample lengths as a model sees them: each sample cleaned as the settings say, shaped for the
 * export, rendered by the model's chat template (tools and reasoning included) and counted by its
 * tokenizer. The length filter uses these instead of the estimator when a model folder is given.
 */
final class ModelLengths {

    private static final int BATCH = 256;

    private ModelLengths() {
    }

    /** Rendered token counts by sample index (-1 where a sample has no conversation). */
    static int[] count(ProjectDb db, SampleFeatures f, CurationSettings settings, Shape shape, ModelTokenizer tokenizer,
                       JobContext job) throws SQLException {
        int[] lengths = new int[f.size];
        java.util.Arrays.fill(lengths, -1);
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        ExecutorService workers = Executors.newFixedThreadPool(threads, Thread.ofPlatform().daemon()
                .name("model-lengths").factory());
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int start = 0; start < f.size; start += BATCH) {
                job.checkCancelled();
                int end = Math.min(f.size, start + BATCH);
                List<Long> ids = new ArrayList<>(end - start);
                Map<Long, Integer> samples = new HashMap<>();
                for (int s = start; s < end; s++) {
                    if (f.hasConversation(s)) {
                        ids.add(f.id[s]);
                        samples.put(f.id[s], s);
                    }
                }
                if (ids.isEmpty()) {
                    continue;
                }
                Map<Long, Conversation> conversations = db.read(c -> ConversationReader.conversations(c, ids));
                running.add(workers.submit(() -> conversations.forEach((id, conversation) -> {
                    int s = samples.get(id);
                    lengths[s] = length(f, s, conversation, settings, shape, tokenizer);
                })));
                job.progress(end, f.size);
                job.message(String.format(java.util.Locale.ROOT, "Counting tokens with %s: %,d of %,d",
                        tokenizer.folder().getFileName(), end, f.size));
                while (running.size() > threads * 2) {
                    Futures.await(running.removeFirst());
                }
            }
            for (Future<?> future : running) {
                Futures.await(future);
            }
        } finally {
            workers.shutdownNow();
        }
        return lengths;
    }

    private static int length(SampleFeatures f, int s, Conversation conversation, CurationSettings settings, Shape shape,
                              ModelTokenizer tokenizer) {
        int turns = f.turnFlags[s].length;
        if (conversation.turns().size() != turns) {
            return -1;
        }
        boolean[] keep = new boolean[turns];
        CurationSettings uncut = settings.withTokens(CurationSettings.TokenLimit.NONE);
        TurnSelection.select(f.turnFlags[s], f.turnTokens[s], 0, turns, f.prefixTokens[s], uncut, keep, new int[2]);
        TrainSample sample = SampleShaper.shape(conversation, keep, CurationSettings.Masking.NONE, shape, List.of(),
                null, null);
        return tokenizer.count(render(tokenizer, sample));
    }

    /** The sample rendered by the model's template, as TRL renders a {@code messages} row. */
    static String render(ModelTokenizer tokenizer, TrainSample sample) {
        ArrayNode messages = TargetRows.openAiMessages(sample.messages());
        ArrayNode tools = sample.tools().isEmpty() ? null : SettingsJson.MAPPER.valueToTree(sample.tools());
        Map<String, Object> kwargs = sample.enableThinking() == null ? Map.of()
                : Map.of("enable_thinking", sample.enableThinking());
        return tokenizer.template().render(messages, tools, false, kwargs);
    }
}
