package org.termcurator.core.curate;

/**
 * What curation needs to know of every trajectory, held as arrays indexed by sample (the
 * trajectories in id order) rather than as objects with texts: 100k samples fit in a few tens
 * of MB. Strings that repeat (task, source, domain, model) are indices into small dictionaries.
 */
final class SampleFeatures {

    static final byte HAS_CONVERSATION = 1;
    static final byte COMPLETE = 2;
    static final byte NO_OUTCOME = 4;

    /** Difficulty rank when the task has no label: sorts last. */
    static final byte UNLABELLED = 9;

    final int size;
    final String encoding;
    final String inputHash;

    final long[] id;
    final long[] taskId;
    final int[] task;
    final String[] taskNames;
    final int[] source;
    final String[] sources;
    final int[] domain;
    final String[] domains;
    final int[] model;
    final String[] models;
    final float[] reward;
    final byte[] resolved;
    final byte[] flags;
    final byte[] difficulty;
    final float[] passRate;

    final int[] prefixTokens;
    final int[][] turnTokens;
    final byte[][] turnFlags;

    final int[] instruction;
    final int[][] instructionWords;
    final int[][] instructionSignature;
    final int[][] commandSignature;
    /** Per sample: pairs of (script ordinal, letters) over its assistant messages. */
    final int[][] scripts;
    /** {@link SampleScore} of every sample, computed once: caps and near duplicates compare it often. */
    final double[] score;

    SampleFeatures(int size, String encoding, String inputHash, long[] id, long[] taskId, int[] task,
                   String[] taskNames, int[] source, String[] sources, int[] domain, String[] domains, int[] model,
                   String[] models, float[] reward, byte[] resolved, byte[] flags, byte[] difficulty, float[] passRate,
                   int[] prefixTokens, int[][] turnTokens, byte[][] turnFlags, int[] instruction,
                   int[][] instructionWords, int[][] instructionSignature, int[][] commandSignature, int[][] scripts) {
        this.size = size;
        this.encoding = encoding;
        this.inputHash = inputHash;
        this.id = id;
        this.taskId = taskId;
        this.task = task;
        this.taskNames = taskNames;
        this.source = source;
        this.sources = sources;
        this.domain = domain;
        this.domains = domains;
        this.model = model;
        this.models = models;
        this.reward = reward;
        this.resolved = resolved;
        this.flags = flags;
        this.difficulty = difficulty;
        this.passRate = passRate;
        this.prefixTokens = prefixTokens;
        this.turnTokens = turnTokens;
        this.turnFlags = turnFlags;
        this.instruction = instruction;
        this.instructionWords = instructionWords;
        this.instructionSignature = instructionSignature;
        this.commandSignature = commandSignature;
        this.scripts = scripts;
        this.score = new double[size];
        for (int s = 0; s < size; s++) {
            score[s] = SampleScore.score(outcomeScore(s), badTurns(s), turnFlags[s].length);
        }
    }

    boolean hasConversation(int sample) {
        return (flags[sample] & HAS_CONVERSATION) != 0;
    }

    boolean complete(int sample) {
        return (flags[sample] & COMPLETE) != 0;
    }

    Double rewardOf(int sample) {
        return Float.isNaN(reward[sample]) ? null : (double) reward[sample];
    }

    Boolean resolvedOf(int sample) {
        return resolved[sample] < 0 ? null : resolved[sample] == 1;
    }

    /** 1 for resolved or full reward, the reward when partial, 0 unresolved, 0.5 unknown. */
    double outcomeScore(int sample) {
        if (resolved[sample] == 1) {
            return 1;
        }
        if (!Float.isNaN(reward[sample])) {
            return Math.min(1, Math.max(0, reward[sample]));
        }
        return resolved[sample] == 0 ? 0 : 0.5;
    }

    int badTurns(int sample) {
        int bad = 0;
        for (byte turn : turnFlags[sample]) {
            if ((turn & Conversation.BAD) != 0) {
                bad++;
            }
        }
        return bad;
    }

    double score(int sample) {
        return score[sample];
    }

    int sampleOf(long trajectoryId) {
        return java.util.Arrays.binarySearch(id, trajectoryId);
    }

    String taskName(int sample) {
        return taskNames[task[sample]];
    }

    /** The task's name as exported: null for a trajectory with no task (grouped by its own "#id"). */
    String knownTaskName(int sample) {
        String name = taskName(sample);
        return name.equals(FeatureScanner.UNNAMED_TASK_PREFIX + id[sample]) ? null : name;
    }
}
