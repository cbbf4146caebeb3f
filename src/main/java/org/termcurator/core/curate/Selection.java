package org.termcurator.core.curate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The filter chain run over the feature cache: for every sample, the filter that dropped it (or
 * none), its turns and tokens after cleaning, then the kept samples in curriculum order with
 * their stages and split. Cheap: arrays in, arrays out, no texts.
 */
final class Selection {

    static final byte KEPT = -1;

    /** What the expensive parts computed for these settings (null where the filter is off). */
    /** @param modelTokens lengths counted with a model's tokenizer on its rendered chat (the length filter's numbers), or null */
    record Inputs(int[] denyHits, boolean[] contaminatedInstructions, int[] instructionClusters, int[] commandClusters,
                  int[] modelTokens) {
        Inputs(int[] denyHits, boolean[] contaminatedInstructions, int[] instructionClusters, int[] commandClusters) {
            this(denyHits, contaminatedInstructions, instructionClusters, commandClusters, null);
        }
    }

    final SampleFeatures features;
    final CurationSettings settings;
    final byte[] droppedBy;
    /** A filter's detail number: a pattern index, the sample a duplicate lost to, a script, ... */
    final int[] detail;
    final int[] turns;
    final int[] tokens;
    final int[] funnelIn = new int[Filter.values().length];
    final int[] funnelOut = new int[Filter.values().length];
    /** Kept samples in export order. */
    int[] order;
    int[] stageOf;
    boolean[] validation;
    final List<StageBoundary> stages = new ArrayList<>();

    private Selection(SampleFeatures features, CurationSettings settings) {
        this.features = features;
        this.settings = settings;
        this.droppedBy = new byte[features.size];
        this.detail = new int[features.size];
        this.turns = new int[features.size];
        this.tokens = new int[features.size];
        Arrays.fill(droppedBy, KEPT);
    }

    static Selection run(SampleFeatures features, CurationSettings settings, Inputs inputs) {
        Selection selection = new Selection(features, settings);
        selection.perSample(inputs);
        selection.nearDuplicates(inputs);
        selection.mixture();
        selection.curriculum();
        selection.split();
        return selection;
    }

    boolean kept(int sample) {
        return droppedBy[sample] == KEPT;
    }

    private void perSample(Inputs inputs) {
        SampleFeatures f = features;
        int maxTurns = 0;
        for (int[] perTurn : f.turnTokens) {
            maxTurns = Math.max(maxTurns, perTurn.length);
        }
        boolean[] keep = new boolean[maxTurns];
        int[] totals = new int[2];
        for (int s = 0; s < f.size; s++) {
            int[] perTurn = f.turnTokens[s];
            TurnSelection.Verdict verdict = TurnSelection.select(f.turnFlags[s], perTurn, 0, perTurn.length,
                    f.prefixTokens[s], settings, keep, totals);
            if (inputs.modelTokens() != null && inputs.modelTokens()[s] >= 0) {
                // the model's count of the whole rendered sample; an over-length sample is dropped, not cut
                totals[1] = inputs.modelTokens()[s];
                if (verdict == TurnSelection.Verdict.OVER_LENGTH_NOTHING_FITS) {
                    verdict = TurnSelection.Verdict.KEPT;
                }
            }
            turns[s] = totals[0];
            tokens[s] = totals[1];
            if (!pass(s, Filter.CONVERSATION, f.hasConversation(s), 0)
                    || !pass(s, Filter.OUTCOME, outcomeKeeps(s), 0)
                    || !pass(s, Filter.CLEANING, verdict != TurnSelection.Verdict.BAD_TURNS_IN_SAMPLE
                    && verdict != TurnSelection.Verdict.NO_TURN_LEFT, verdict.ordinal())
                    || !pass(s, Filter.TURNS, inRange(totals[0], settings.turns().min(), settings.turns().max()), 0)
                    || !pass(s, Filter.TOKENS, verdict != TurnSelection.Verdict.OVER_LENGTH_NOTHING_FITS
                    && inRange(totals[1], settings.tokens().min(), settings.tokens().max()), 0)
                    || !pass(s, Filter.DENY_LIST, inputs.denyHits() == null || inputs.denyHits()[s] < 0,
                    inputs.denyHits() == null ? 0 : inputs.denyHits()[s])
                    || !passScript(s)
                    || !pass(s, Filter.DECONTAMINATION, inputs.contaminatedInstructions() == null || f.instruction[s] < 0
                    || !inputs.contaminatedInstructions()[f.instruction[s]], 0)) {
                continue;
            }
        }
    }

    /** Counts the sample in the filter's funnel step; drops it when it fails. */
    private boolean pass(int sample, Filter filter, boolean keeps, int detailValue) {
        funnelIn[filter.ordinal()]++;
        if (!keeps) {
            droppedBy[sample] = (byte) filter.ordinal();
            detail[sample] = detailValue;
            return false;
        }
        funnelOut[filter.ordinal()]++;
        return true;
    }

    private boolean outcomeKeeps(int s) {
        return switch (settings.outcome().mode()) {
            case KEEP_ALL -> true;
            case COMPLETE -> features.complete(s) || (features.flags[s] & SampleFeatures.NO_OUTCOME) == 0;
            case SUCCESS -> features.resolved[s] == 1
                    || !Float.isNaN(features.reward[s]) && features.reward[s] >= settings.outcome().rewardThreshold();
        };
    }

    private boolean passScript(int s) {
        List<String> allowed = settings.quality().allowedScripts();
        if (allowed.isEmpty()) {
            return pass(s, Filter.SCRIPT, true, 0);
        }
        int[] pairs = features.scripts[s];
        long letters = 0;
        long other = 0;
        int worst = -1;
        int worstCount = 0;
        for (int i = 0; i < pairs.length; i += 2) {
            Character.UnicodeScript script = ScriptCounts.SCRIPTS[pairs[i]];
            letters += pairs[i + 1];
            boolean ok = script == Character.UnicodeScript.COMMON || script == Character.UnicodeScript.INHERITED
                    || allowed.contains(script.name());
            if (!ok) {
                other += pairs[i + 1];
                if (pairs[i + 1] > worstCount) {
                    worst = pairs[i];
                    worstCount = pairs[i + 1];
                }
            }
        }
        boolean keeps = letters == 0 || (double) other / letters <= settings.quality().maxOtherScriptShare();
        return pass(s, Filter.SCRIPT, keeps, worst);
    }

    private static boolean inRange(int value, Integer min, Integer max) {
        return (min == null || value >= min) && (max == null || value <= max);
    }

    private void nearDuplicates(Inputs inputs) {
        Filter filter = Filter.NEAR_DUPLICATES;
        int survivors = countKept();
        funnelIn[filter.ordinal()] = survivors;
        if (inputs.instructionClusters() != null) {
            int[] instructionClusters = inputs.instructionClusters();
            dropAllButBest(s -> features.instruction[s] < 0 ? -1 : instructionClusters[features.instruction[s]],
                    instructionClusters.length, 0);
        }
        if (inputs.commandClusters() != null) {
            int[] commandClusters = inputs.commandClusters();
            dropAllButBest(s -> commandClusters[s], features.size, 1);
        }
        funnelOut[filter.ordinal()] = countKept();
    }

    /** In each cluster, keeps the best-scored surviving sample; the others are dropped as its duplicates. */
    private void dropAllButBest(java.util.function.IntUnaryOperator clusterOf, int clusters, int kind) {
        int[] best = new int[clusters];
        Arrays.fill(best, -1);
        for (int s = 0; s < features.size; s++) {
            int cluster = kept(s) ? clusterOf.applyAsInt(s) : -1;
            if (cluster >= 0 && (best[cluster] < 0 || better(s, best[cluster]))) {
                best[cluster] = s;
            }
        }
        for (int s = 0; s < features.size; s++) {
            int cluster = kept(s) ? clusterOf.applyAsInt(s) : -1;
            if (cluster >= 0 && best[cluster] != s) {
                droppedBy[s] = (byte) Filter.NEAR_DUPLICATES.ordinal();
                detail[s] = best[cluster] * 2 + kind;
            }
        }
    }

    /** Higher score, then more turns, then the lower id (see {@link SampleScore}). */
    private boolean better(int a, int b) {
        int byScore = Double.compare(features.score(a), features.score(b));
        if (byScore != 0) {
            return byScore > 0;
        }
        if (turns[a] != turns[b]) {
            return turns[a] > turns[b];
        }
        return features.id[a] < features.id[b];
    }

    private final Comparator<Integer> bestFirst = (a, b) -> better(a, b) ? -1 : better(b, a) ? 1 : 0;

    private void mixture() {
        Filter filter = Filter.MIXTURE;
        funnelIn[filter.ordinal()] = countKept();
        CurationSettings.Mixture mixture = settings.mixture();
        cap(mixture.sourceCaps(), features.source, features.sources, 0);
        cap(mixture.domainCaps(), features.domain, features.domains, 1);
        if (!mixture.weights().isEmpty()) {
            boolean bySource = mixture.weightsBy() == CurationSettings.MixtureKey.SOURCE;
            weigh(mixture.weights(), bySource ? features.source : features.domain,
                    bySource ? features.sources : features.domains);
        }
        funnelOut[filter.ordinal()] = countKept();
    }

    private void cap(Map<String, Integer> caps, int[] groupOf, String[] groups, int kind) {
        if (caps.isEmpty()) {
            return;
        }
        for (int g = 0; g < groups.length; g++) {
            Integer cap = caps.get(groups[g]);
            if (cap != null) {
                keepBest(groupOf, g, cap, kind);
            }
        }
    }

    /** Cuts the weighted groups down so that they come out in the weights' proportions. */
    private void weigh(Map<String, Double> weights, int[] groupOf, String[] groups) {
        int[] counts = new int[groups.length];
        for (int s = 0; s < features.size; s++) {
            if (kept(s)) {
                counts[groupOf[s]]++;
            }
        }
        double total = 0;
        for (int g = 0; g < groups.length; g++) {
            Double weight = weights.get(groups[g]);
            if (weight != null && counts[g] > 0) {
                total += weight;
            }
        }
        if (total <= 0) {
            return;
        }
        double scale = Double.MAX_VALUE;
        for (int g = 0; g < groups.length; g++) {
            Double weight = weights.get(groups[g]);
            if (weight != null && weight > 0 && counts[g] > 0) {
                scale = Math.min(scale, counts[g] / (weight / total));
            }
        }
        for (int g = 0; g < groups.length; g++) {
            Double weight = weights.get(groups[g]);
            if (weight != null && counts[g] > 0) {
                keepBest(groupOf, g, (int) Math.floor(scale * weight / total + 1e-9), 2);
            }
        }
    }

    /** Keeps the best {@code limit} kept samples of a group. Detail: kind (0 source cap, 1 domain cap, 2 weight) and group. */
    private void keepBest(int[] groupOf, int group, int limit, int kind) {
        List<Integer> members = new ArrayList<>();
        for (int s = 0; s < features.size; s++) {
            if (kept(s) && groupOf[s] == group) {
                members.add(s);
            }
        }
        if (members.size() <= limit) {
            return;
        }
        members.sort(bestFirst);
        for (int i = limit; i < members.size(); i++) {
            droppedBy[members.get(i)] = (byte) Filter.MIXTURE.ordinal();
            detail[members.get(i)] = group * 3 + kind;
        }
    }

    private int countKept() {
        int kept = 0;
        for (byte dropped : droppedBy) {
            if (dropped == KEPT) {
                kept++;
            }
        }
        return kept;
    }

    private long shuffleKey(int sample) {
        return TextFeatures.mix(features.id[sample] ^ TextFeatures.mix(settings.seed()));
    }

    /** Samples are numbered in the low bits of a packed sort key (up to 16M), a seeded hash above. */
    private static final int INDEX_BITS = 24;
    private static final long INDEX_MASK = (1L << INDEX_BITS) - 1;

    /**
     * Easy to hard by the order's key, ties (and everything, for "none") in a seeded shuffle;
     * then cut into stages by the proportions and shuffled inside each stage. Sorted as packed
     * primitive keys: a preview of 100k samples must not box them.
     */
    private void curriculum() {
        CurationSettings.Curriculum curriculum = settings.curriculum();
        int kept = countKept();
        int[] samples = new int[kept];
        int at = 0;
        for (int s = 0; s < features.size; s++) {
            if (kept(s)) {
                samples[at++] = s;
            }
        }
        int[] sorted = shuffled(samples);
        if (curriculum.order() != CurationSettings.CurriculumOrder.NONE) {
            long[] packed = new long[kept];
            for (int position = 0; position < kept; position++) {
                packed[position] = (long) orderKey(curriculum.order(), sorted[position]) << 32 | position;
            }
            java.util.Arrays.sort(packed);
            int[] ordered = new int[kept];
            for (int i = 0; i < kept; i++) {
                ordered[i] = sorted[(int) packed[i]];
            }
            sorted = ordered;
        }
        stageOf = new int[features.size];
        Arrays.fill(stageOf, -1);
        List<Double> proportions = curriculum.stages().isEmpty() ? List.of(1.0) : curriculum.stages();
        double sum = proportions.stream().mapToDouble(Double::doubleValue).sum();
        double cumulative = 0;
        int start = 0;
        for (int stage = 0; stage < proportions.size(); stage++) {
            cumulative += proportions.get(stage);
            int end = stage == proportions.size() - 1 ? kept : (int) Math.round(kept * cumulative / sum);
            end = Math.max(start, Math.min(kept, end));
            if (!curriculum.stages().isEmpty()) {
                int[] stageSamples = shuffled(Arrays.copyOfRange(sorted, start, end));
                System.arraycopy(stageSamples, 0, sorted, start, stageSamples.length);
            }
            for (int i = start; i < end; i++) {
                stageOf[sorted[i]] = stage;
            }
            stages.add(new StageBoundary(stage, start, end - start));
            start = end;
        }
        order = sorted;
    }

    /** The samples in the seed's shuffle order. */
    private int[] shuffled(int[] samples) {
        long[] packed = new long[samples.length];
        for (int i = 0; i < samples.length; i++) {
            packed[i] = shuffleKey(samples[i]) >>> 1 & ~INDEX_MASK | samples[i];
        }
        Arrays.sort(packed);
        int[] result = new int[samples.length];
        for (int i = 0; i < samples.length; i++) {
            result[i] = (int) (packed[i] & INDEX_MASK);
        }
        return result;
    }

    /** The curriculum key of a sample, small first; unknown pass rates and difficulties sort last. */
    private int orderKey(CurationSettings.CurriculumOrder order, int s) {
        return switch (order) {
            case NONE -> 0;
            case DIFFICULTY -> features.difficulty[s];
            case PASS_RATE -> Float.isNaN(features.passRate[s]) ? Integer.MAX_VALUE
                    : (int) Math.round((1 - features.passRate[s]) * 1_000_000);
            case TURNS -> turns[s];
            case TOKENS -> tokens[s];
        };
    }

    /** Whole tasks to validation, chosen by a seeded hash of the task name, so no task is in both sets. */
    private void split() {
        validation = new boolean[features.size];
        double fraction = settings.split().validationFraction();
        if (fraction <= 0 || order.length == 0) {
            return;
        }
        Map<Integer, Long> taskKeys = new HashMap<>();
        for (int s : order) {
            taskKeys.computeIfAbsent(features.task[s], task -> TextFeatures.mix(
                    TextFeatures.hash(features.taskNames[task]) ^ TextFeatures.mix(settings.seed() + 1)));
        }
        List<Map.Entry<Integer, Long>> tasks = new ArrayList<>(taskKeys.entrySet());
        tasks.sort(Map.Entry.<Integer, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey()));
        int count = (int) Math.round(tasks.size() * fraction);
        if (tasks.size() >= 2) {
            count = Math.max(1, Math.min(tasks.size() - 1, count));
        }
        boolean[] validationTask = new boolean[features.taskNames.length];
        for (int i = 0; i < count; i++) {
            validationTask[tasks.get(i).getKey()] = true;
        }
        for (int s : order) {
            validation[s] = validationTask[features.task[s]];
        }
    }

    int validationCount() {
        int count = 0;
        for (int s : order) {
            if (validation[s]) {
                count++;
            }
        }
        return count;
    }

    /** Why a sample was dropped, in words. */
    String detail(int s) {
        if (kept(s)) {
            return null;
        }
        Filter filter = Filter.values()[droppedBy[s]];
        int value = detail[s];
        return switch (filter) {
            case CONVERSATION -> "no instruction or no answer with content";
            case OUTCOME -> switch (settings.outcome().mode()) {
                case COMPLETE -> "the agent did not finish";
                case SUCCESS -> features.resolvedOf(s) == null && features.rewardOf(s) == null ? "no outcome recorded"
                        : String.format(Locale.ROOT, "not resolved (reward %s, threshold %s)",
                        features.rewardOf(s) == null ? "none" : features.rewardOf(s),
                        settings.outcome().rewardThreshold());
                case KEEP_ALL -> "";
            };
            case CLEANING -> value == TurnSelection.Verdict.BAD_TURNS_IN_SAMPLE.ordinal()
                    ? "has a turn that did not parse or a harness error reply" : "no turn left after cleaning";
            case TURNS -> turns[s] + " turns, outside " + range(settings.turns().min(), settings.turns().max());
            case TOKENS -> turns[s] == 0 ? "not even the first turn fits in " + settings.tokens().max() + " tokens"
                    : tokens[s] + " tokens, outside " + range(settings.tokens().min(), settings.tokens().max());
            case DENY_LIST -> "matches " + settings.quality().denyPatterns().get(value);
            case SCRIPT -> "too many letters in " + (value < 0 ? "other scripts" : ScriptCounts.SCRIPTS[value].name());
            case DECONTAMINATION -> "instruction shares a " + settings.decontamination().ngram()
                    + "-word sequence with the reference set";
            case NEAR_DUPLICATES -> ((value & 1) == 0 ? "instruction" : "command sequence")
                    + " near-duplicate of trajectory " + features.id[value / 2];
            case MIXTURE -> switch (value % 3) {
                case 0 -> "over the cap of source '" + features.sources[value / 3] + "'";
                case 1 -> "over the cap of domain '" + features.domains[value / 3] + "'";
                default -> "beyond the mixture share of '" + (settings.mixture().weightsBy()
                        == CurationSettings.MixtureKey.SOURCE ? features.sources : features.domains)[value / 3] + "'";
            };
        };
    }

    private static String range(Integer min, Integer max) {
        return (min == null ? "0" : min.toString()) + ".." + (max == null ? "any" : max.toString());
    }
}
