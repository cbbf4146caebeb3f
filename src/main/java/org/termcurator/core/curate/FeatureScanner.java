package org.termcurator.core.curate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.termcurator.core.jobs.JobContext;
import org.termcurator.core.project.ProjectDb;
import org.termcurator.core.tasks.Hashing;
import org.termcurator.core.tasks.lint.MinHash;
import org.termcurator.core.terminus.TerminalCommand;

/**
 * Reads every trajectory of a project once and computes its {@link SampleFeatures}: one scan of
 * the steps in (trajectory, index) order, the conversations handed in batches to worker threads
 * that count tokens and hash words, nothing of the texts kept afterwards.
 */
final class FeatureScanner {

    /** A trajectory without a task is its own group (split, caps) under the name "#" + its id. */
    static final String UNNAMED_TASK_PREFIX = "#";

    static final String STEP_COLUMNS = "trajectory_id, role, message, reasoning, observation, parse_status, "
            + "instr(extra, '\"task_complete\":true') > 0 AS complete, commands";

    private static final int BATCH = 64;

    private FeatureScanner() {
    }

    private record TaskRow(String name, String category, String difficulty, String instruction) {
    }

    static SampleFeatures scan(ProjectDb db, String encoding, JobContext job) throws SQLException {
        TokenCounter tokens = new TokenCounter(encoding);
        MessageDigest input = Hashing.sha256();
        Map<Long, TaskRow> tasks = db.read(connection -> tasks(connection, input));
        Map<Long, Float> rolloutPassRates = db.read(FeatureScanner::rolloutPassRates);

        Dictionary taskNames = new Dictionary();
        Dictionary sources = new Dictionary();
        Dictionary domains = new Dictionary();
        Dictionary models = new Dictionary();
        record Row(long id, long taskId, int task, int source, int domain, int model, float reward, byte resolved,
                   boolean noOutcome, byte difficulty) {
        }
        List<Row> rows = db.read(connection -> {
            List<Row> list = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT id, task_id, task_name, source, format, "
                    + "model, resolved, reward, exception, failure_mode, content_hash, turn_count FROM trajectories ORDER BY id");
                 ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    long id = result.getLong(1);
                    long taskId = result.getLong(2);
                    boolean linked = !result.wasNull();
                    TaskRow task = linked ? tasks.get(taskId) : null;
                    String taskName = result.getString(3);
                    if (taskName == null) {
                        taskName = task != null ? task.name() : UNNAMED_TASK_PREFIX + id;
                    }
                    String source = result.getString(4) != null ? result.getString(4) : result.getString(5);
                    int resolvedValue = result.getInt(7);
                    byte resolved = result.wasNull() ? -1 : (byte) (resolvedValue != 0 ? 1 : 0);
                    double reward = result.getDouble(8);
                    float rewardValue = result.wasNull() ? Float.NaN : (float) reward;
                    boolean failed = result.getString(9) != null || isFailure(result.getString(10));
                    list.add(new Row(id, linked ? taskId : -1, taskNames.index(taskName), sources.index(source),
                            domains.index(task == null ? null : task.category()), models.index(result.getString(6)),
                            rewardValue, resolved, failed || resolved < 0 && Float.isNaN(rewardValue),
                            difficultyRank(task == null ? null : task.difficulty())));
                    input.update((id + "\t" + result.getString(11) + "\t" + result.getInt(12) + "\n")
                            .getBytes(StandardCharsets.UTF_8));
                }
            }
            return list;
        });
        int size = rows.size();
        long[] ids = new long[size];
        long[] taskIds = new long[size];
        for (int i = 0; i < size; i++) {
            ids[i] = rows.get(i).id();
            taskIds[i] = rows.get(i).taskId();
        }

        Columns columns = new Columns(size, taskIds, tasks, tokens, job);
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        ExecutorService workers = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "curation-features");
            thread.setDaemon(true);
            return thread;
        });
        try {
            db.read(connection -> {
                List<Future<?>> running = new ArrayList<>();
                List<Map.Entry<Integer, Conversation>> batch = new ArrayList<>();
                try (PreparedStatement select = connection.prepareStatement(
                        "SELECT " + STEP_COLUMNS + " FROM steps ORDER BY trajectory_id, idx");
                     ResultSet result = select.executeQuery()) {
                    long current = Long.MIN_VALUE;
                    ConversationBuilder builder = null;
                    while (result.next()) {
                        long trajectory = result.getLong(1);
                        if (trajectory != current) {
                            if (builder != null) {
                                addToBatch(batch, ids, current, builder);
                            }
                            if (batch.size() >= BATCH) {
                                job.checkCancelled();
                                List<Map.Entry<Integer, Conversation>> full = List.copyOf(batch);
                                running.add(workers.submit(() -> columns.process(full)));
                                batch.clear();
                                drainFinished(running, threads * 4);
                            }
                            current = trajectory;
                            builder = new ConversationBuilder();
                        }
                        builder.add(result.getString(2), result.getString(3), result.getString(4),
                                result.getString(5), result.getString(6), result.getBoolean(7), result.getString(8));
                    }
                    if (builder != null) {
                        addToBatch(batch, ids, current, builder);
                    }
                    List<Map.Entry<Integer, Conversation>> last = List.copyOf(batch);
                    running.add(workers.submit(() -> columns.process(last)));
                }
                drainFinished(running, 0);
                return null;
            });
        } finally {
            workers.shutdownNow();
        }
        job.message(String.format(Locale.ROOT, "Read %,d trajectories", size));
        job.progress(size, size);

        int[][] words = columns.instructionWords.toArray(new int[0][]);
        int[][] signatures = columns.instructionSignatures.toArray(new int[0][]);
        byte[] flags = columns.flags;
        int[] task = new int[size];
        int[] source = new int[size];
        int[] domain = new int[size];
        int[] model = new int[size];
        float[] reward = new float[size];
        byte[] resolved = new byte[size];
        byte[] difficulty = new byte[size];
        for (int i = 0; i < size; i++) {
            Row row = rows.get(i);
            task[i] = row.task();
            source[i] = row.source();
            domain[i] = row.domain();
            model[i] = row.model();
            reward[i] = row.reward();
            resolved[i] = row.resolved();
            difficulty[i] = row.difficulty();
            if (row.noOutcome()) {
                flags[i] |= SampleFeatures.NO_OUTCOME;
            }
        }
        float[] passRate = passRates(taskIds, task, resolved, reward, rolloutPassRates, taskNames.size());
        return new SampleFeatures(size, encoding, Hashing.hex(input.digest()), ids, taskIds, task,
                taskNames.values(), source, sources.values(), domain, domains.values(), model, models.values(),
                reward, resolved, flags, difficulty, passRate, columns.prefixTokens, columns.turnTokens, columns.turnFlags,
                columns.instruction, words, signatures, columns.commandSignature, columns.scripts);
    }

    private static void addToBatch(List<Map.Entry<Integer, Conversation>> batch, long[] ids, long trajectory,
                                   ConversationBuilder builder) {
        int sample = Arrays.binarySearch(ids, trajectory);
        if (sample >= 0) {
            batch.add(Map.entry(sample, builder.build()));
        }
    }

    /** The per-sample columns the workers fill, each sample's slots written by one worker only. */
    private static final class Columns {
        final int[] prefixTokens;
        final int[][] turnTokens;
        final byte[][] turnFlags;
        final byte[] flags;
        final int[] instruction;
        final int[][] commandSignature;
        final int[][] scripts;
        final List<int[]> instructionWords = new ArrayList<>();
        final List<int[]> instructionSignatures = new ArrayList<>();
        private final Map<String, Integer> instructionIndex = new ConcurrentHashMap<>();
        private final AtomicInteger done = new AtomicInteger();
        private final long[] taskIds;
        private final Map<Long, TaskRow> tasks;
        private final TokenCounter tokens;
        private final JobContext job;

        Columns(int size, long[] taskIds, Map<Long, TaskRow> tasks, TokenCounter tokens, JobContext job) {
            prefixTokens = new int[size];
            turnTokens = new int[size][];
            turnFlags = new byte[size][];
            flags = new byte[size];
            instruction = new int[size];
            commandSignature = new int[size][];
            scripts = new int[size][];
            Arrays.fill(instruction, -1);
            Arrays.fill(turnTokens, new int[0]);
            Arrays.fill(turnFlags, new byte[0]);
            Arrays.fill(scripts, new int[0]);
            this.taskIds = taskIds;
            this.tasks = tasks;
            this.tokens = tokens;
            this.job = job;
        }

        void process(List<Map.Entry<Integer, Conversation>> batch) {
            int[] scriptCounts = new int[ScriptCounts.SCRIPTS.length];
            for (Map.Entry<Integer, Conversation> entry : batch) {
                int sample = entry.getKey();
                Conversation conversation = entry.getValue();
                int prefix = 0;
                for (ChatMessage message : conversation.prefix()) {
                    prefix += tokens.message(message.content());
                }
                prefixTokens[sample] = prefix;
                int turns = conversation.turns().size();
                int[] counts = new int[turns];
                byte[] turnFlag = new byte[turns];
                boolean complete = false;
                StringBuilder commands = new StringBuilder();
                Arrays.fill(scriptCounts, 0);
                for (int t = 0; t < turns; t++) {
                    Conversation.Turn turn = conversation.turns().get(t);
                    int count = tokens.message(turn.answer().content());
                    for (ChatMessage reply : turn.replies()) {
                        count += tokens.message(reply.content());
                    }
                    counts[t] = count;
                    turnFlag[t] = turn.flags();
                    complete |= turn.marksComplete();
                    if (turn.commands() != null) {
                        TerminalCommand.appendKeystrokes(turn.commands(), commands);
                    }
                    ScriptCounts.add(turn.answer().content(), scriptCounts);
                }
                turnTokens[sample] = counts;
                turnFlags[sample] = turnFlag;
                flags[sample] = (byte) ((conversation.hasConversation() ? SampleFeatures.HAS_CONVERSATION : 0)
                        | (complete ? SampleFeatures.COMPLETE : 0));
                commandSignature[sample] = MinHash.signature(commands.toString());
                scripts[sample] = sparse(scriptCounts);
                String text = instructionText(conversation, taskIds[sample], tasks);
                if (text != null) {
                    instruction[sample] = instructionIndex.computeIfAbsent(text, this::addInstruction);
                }
            }
            int finished = done.addAndGet(batch.size());
            job.progress(finished, taskIds.length);
            job.message(String.format(Locale.ROOT, "Reading trajectories: %,d of %,d", finished, taskIds.length));
        }

        private int addInstruction(String text) {
            int[] words = TextFeatures.words(text);
            int[] signature = MinHash.signature(text);
            synchronized (instructionWords) {
                instructionWords.add(words);
                instructionSignatures.add(signature);
                return instructionWords.size() - 1;
            }
        }
    }

    /** The task's instruction when linked, else the one the first user message carries. */
    private static String instructionText(Conversation conversation, long taskId, Map<Long, TaskRow> tasks) {
        TaskRow task = taskId >= 0 ? tasks.get(taskId) : null;
        if (task != null && task.instruction() != null && !task.instruction().isBlank()) {
            return task.instruction();
        }
        return InstructionText.fromPrefix(conversation.prefix());
    }

    private static int[] sparse(int[] counts) {
        int nonZero = 0;
        for (int count : counts) {
            if (count > 0) {
                nonZero++;
            }
        }
        int[] pairs = new int[nonZero * 2];
        int at = 0;
        for (int script = 0; script < counts.length; script++) {
            if (counts[script] > 0) {
                pairs[at++] = script;
                pairs[at++] = counts[script];
            }
        }
        return pairs;
    }

    private static void drainFinished(List<Future<?>> running, int keep) {
        while (running.size() > keep) {
            try {
                running.removeFirst().get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new org.termcurator.core.jobs.JobCancelledException();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new IllegalStateException(e.getCause());
            }
        }
    }

    private static Map<Long, TaskRow> tasks(Connection connection, MessageDigest input) throws SQLException {
        Map<Long, TaskRow> tasks = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id, name, category, difficulty, instruction, content_hash FROM tasks ORDER BY id");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                tasks.put(rows.getLong(1), new TaskRow(rows.getString(2), blankToNull(rows.getString(3)),
                        blankToNull(rows.getString(4)), rows.getString(5)));
                input.update(("task " + rows.getLong(1) + "\t" + rows.getString(6) + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        return tasks;
    }

    /** Passed / finished rollouts per task. */
    private static Map<Long, Float> rolloutPassRates(Connection connection) throws SQLException {
        Map<Long, Float> rates = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT task_id, sum(status = 'passed'), count(*) "
                + "FROM rollouts WHERE task_id IS NOT NULL AND status IN ('passed', 'failed', 'error') GROUP BY task_id");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                rates.put(rows.getLong(1), (float) rows.getLong(2) / rows.getLong(3));
            }
        }
        return rates;
    }

    /** Rollout pass rates where the task has rollouts, else the share of its trajectories that succeeded. */
    private static float[] passRates(long[] taskIds, int[] task, byte[] resolved, float[] reward,
                                     Map<Long, Float> rollouts, int tasks) {
        int[] passed = new int[tasks];
        int[] known = new int[tasks];
        for (int i = 0; i < task.length; i++) {
            boolean success = resolved[i] == 1 || !Float.isNaN(reward[i]) && reward[i] >= 1;
            if (resolved[i] >= 0 || !Float.isNaN(reward[i])) {
                known[task[i]]++;
                if (success) {
                    passed[task[i]]++;
                }
            }
        }
        float[] rates = new float[task.length];
        for (int i = 0; i < task.length; i++) {
            Float rollout = taskIds[i] >= 0 ? rollouts.get(taskIds[i]) : null;
            rates[i] = rollout != null ? rollout
                    : known[task[i]] == 0 ? Float.NaN : (float) passed[task[i]] / known[task[i]];
        }
        return rates;
    }

    static byte difficultyRank(String label) {
        if (label == null) {
            return SampleFeatures.UNLABELLED;
        }
        return switch (label.strip().toLowerCase(Locale.ROOT)) {
            case "trivial", "very easy" -> 0;
            case "easy" -> 1;
            case "medium", "intermediate", "moderate" -> 2;
            case "hard", "difficult" -> 3;
            case "very hard", "expert", "extreme" -> 4;
            default -> 5;
        };
    }

    private static boolean isFailure(String failureMode) {
        if (failureMode == null) {
            return false;
        }
        String mode = failureMode.strip().toLowerCase(Locale.ROOT);
        return !mode.isEmpty() && !mode.equals("unset") && !mode.equals("none");
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** Strings to small indices, null included (as "(none)"). */
    static final class Dictionary {
        static final String NONE = "(none)";
        private final Map<String, Integer> index = new LinkedHashMap<>();

        int index(String value) {
            return index.computeIfAbsent(value == null || value.isBlank() ? NONE : value, key -> index.size());
        }

        int size() {
            return index.size();
        }

        String[] values() {
            return index.keySet().toArray(new String[0]);
        }
    }
}
