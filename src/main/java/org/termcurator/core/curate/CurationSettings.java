package org.termcurator.core.curate;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every filter, curriculum and split option of a curation, as one immutable value. Fields left
 * out of a JSON preset take their defaults, so old presets keep loading as options are added.
 * {@link #defaults()} keeps every sample that has a conversation, with no curriculum.
 *
 * @param seed drives every shuffle and the train/validation split; the same seed gives the same order
 */
public record CurationSettings(Outcome outcome, TurnRange turns, TokenLimit tokens, Cleaning cleaning,
                               Decontamination decontamination, NearDuplicates nearDuplicates, Quality quality,
                               Mixture mixture, Curriculum curriculum, Split split, Long seed, Masking masking) {

    public static final long DEFAULT_SEED = 42;

    public CurationSettings {
        outcome = outcome == null ? Outcome.KEEP_ALL : outcome;
        turns = turns == null ? TurnRange.ANY : turns;
        tokens = tokens == null ? TokenLimit.NONE : tokens;
        cleaning = cleaning == null ? Cleaning.NONE : cleaning;
        decontamination = decontamination == null ? Decontamination.OFF : decontamination;
        nearDuplicates = nearDuplicates == null ? NearDuplicates.OFF : nearDuplicates;
        quality = quality == null ? Quality.NONE : quality;
        mixture = mixture == null ? Mixture.NONE : mixture;
        curriculum = curriculum == null ? Curriculum.NONE : curriculum;
        split = split == null ? Split.NONE : split;
        seed = seed == null ? DEFAULT_SEED : seed;
        masking = masking == null ? Masking.DEFAULT : masking;
    }

    public static CurationSettings defaults() {
        return new CurationSettings(null, null, null, null, null, null, null, null, null, null, null, null);
    }

    public CurationSettings withOutcome(Outcome value) {
        return new CurationSettings(value, turns, tokens, cleaning, decontamination, nearDuplicates, quality, mixture,
                curriculum, split, seed, masking);
    }

    public CurationSettings withTurns(TurnRange value) {
        return new CurationSettings(outcome, value, tokens, cleaning, decontamination, nearDuplicates, quality, mixture,
                curriculum, split, seed, masking);
    }

    public CurationSettings withTokens(TokenLimit value) {
        return new CurationSettings(outcome, turns, value, cleaning, decontamination, nearDuplicates, quality, mixture,
                curriculum, split, seed, masking);
    }

    public CurationSettings withCleaning(Cleaning value) {
        return new CurationSettings(outcome, turns, tokens, value, decontamination, nearDuplicates, quality, mixture,
                curriculum, split, seed, masking);
    }

    public CurationSettings withDecontamination(Decontamination value) {
        return new CurationSettings(outcome, turns, tokens, cleaning, value, nearDuplicates, quality, mixture,
                curriculum, split, seed, masking);
    }

    public CurationSettings withNearDuplicates(NearDuplicates value) {
        return new CurationSettings(outcome, turns, tokens, cleaning, decontamination, value, quality, mixture,
                curriculum, split, seed, masking);
    }

    public CurationSettings withQuality(Quality value) {
        return new CurationSettings(outcome, turns, tokens, cleaning, decontamination, nearDuplicates, value, mixture,
                curriculum, split, seed, masking);
    }

    public CurationSettings withMixture(Mixture value) {
        return new CurationSettings(outcome, turns, tokens, cleaning, decontamination, nearDuplicates, quality, value,
                curriculum, split, seed, masking);
    }

    public CurationSettings withCurriculum(Curriculum value) {
        return new CurationSettings(outcome, turns, tokens, cleaning, decontamination, nearDuplicates, quality, mixture,
                value, split, seed, masking);
    }

    public CurationSettings withSplit(Split value) {
        return new CurationSettings(outcome, turns, tokens, cleaning, decontamination, nearDuplicates, quality, mixture,
                curriculum, value, seed, masking);
    }

    public CurationSettings withSeed(long value) {
        return new CurationSettings(outcome, turns, tokens, cleaning, decontamination, nearDuplicates, quality, mixture,
                curriculum, split, value, masking);
    }

    public CurationSettings withMasking(Masking value) {
        return new CurationSettings(outcome, turns, tokens, cleaning, decontamination, nearDuplicates, quality, mixture,
                curriculum, split, seed, value);
    }

    /** The settings as JSON (stable field order, indented), as presets and manifests store them. */
    public String toJson() {
        return SettingsJson.write(this);
    }

    /** Reads settings JSON; a wrong value is an {@link IllegalArgumentException} naming the field. */
    public static CurationSettings fromJson(String json) {
        return SettingsJson.read(json);
    }

    // ---- outcome --------------------------------------------------------------------------

    public enum OutcomeMode {
        @JsonProperty("keep-all") KEEP_ALL,
        /** The agent finished: it marked the task complete, or ended without an error where an outcome was recorded. */
        @JsonProperty("complete") COMPLETE,
        /** Resolved, or a reward of at least the threshold. */
        @JsonProperty("success") SUCCESS
    }

    public record Outcome(OutcomeMode mode, Double rewardThreshold) {
        public static final Outcome KEEP_ALL = new Outcome(OutcomeMode.KEEP_ALL, 1.0);

        public Outcome {
            mode = mode == null ? OutcomeMode.KEEP_ALL : mode;
            rewardThreshold = rewardThreshold == null ? 1.0 : rewardThreshold;
            check(!rewardThreshold.isNaN(), "outcome.rewardThreshold", "must be a number");
        }
    }

    // ---- turns and tokens ---------------------------------------------------------------

    /** Assistant turns a sample may have (after cleaning); null bounds are open. */
    public record TurnRange(Integer min, Integer max) {
        public static final TurnRange ANY = new TurnRange(null, null);

        public TurnRange {
            check(min == null || min >= 0, "turns.min", "must be 0 or more");
            check(max == null || min == null || max >= min, "turns.max", "must not be below turns.min");
        }
    }

    public enum OverLength {
        @JsonProperty("drop") DROP,
        /** Keep the turns that fit and cut after the last whole one. */
        @JsonProperty("cut-after-last-whole-turn") CUT_AFTER_LAST_WHOLE_TURN
    }

    /**
     * Sample length in tokens of {@code encoding} (a JTokkit encoding name: cl100k_base, o200k_base,
     * p50k_base, r50k_base, p50k_edit); null bounds are open.
     */
    public record TokenLimit(Integer min, Integer max, String encoding, OverLength overLength) {
        public static final String DEFAULT_ENCODING = "cl100k_base";
        public static final TokenLimit NONE = new TokenLimit(null, null, DEFAULT_ENCODING, OverLength.DROP);

        public TokenLimit {
            encoding = encoding == null || encoding.isBlank() ? DEFAULT_ENCODING : encoding;
            overLength = overLength == null ? OverLength.DROP : overLength;
            check(min == null || min >= 0, "tokens.min", "must be 0 or more");
            check(max == null || max > 0, "tokens.max", "must be more than 0");
            check(max == null || min == null || max >= min, "tokens.max", "must not be below tokens.min");
            check(TokenCounter.isKnownEncoding(encoding), "tokens.encoding",
                    "unknown encoding '" + encoding + "' (known: " + TokenCounter.encodingNames() + ")");
        }
    }

    // ---- cleaning -------------------------------------------------------------------------

    public enum BadTurns {
        /** Keep turns that did not parse and the harness's error replies as they are. */
        @JsonProperty("keep") KEEP,
        /** Remove each such turn together with the harness's reply to it. */
        @JsonProperty("drop-turns") DROP_TURNS,
        /** Drop every sample that has one. */
        @JsonProperty("drop-sample") DROP_SAMPLE
    }

    /** @param trimTrailingEmpty remove empty assistant turns at the end of a conversation */
    public record Cleaning(BadTurns badTurns, Boolean trimTrailingEmpty) {
        public static final Cleaning NONE = new Cleaning(BadTurns.KEEP, false);

        public Cleaning {
            badTurns = badTurns == null ? BadTurns.KEEP : badTurns;
            trimTrailingEmpty = trimTrailingEmpty != null && trimTrailingEmpty;
        }
    }

    // ---- per-turn training flags -----------------------------------------------------------

    /**
     * Which assistant turns a trainer should not learn from. A masked turn stays in the sample as
     * context: exports for trainers that read a per-turn flag write it (Axolotl {@code train},
     * LLaMA-Factory {@code loss_weight}); the others cut or split the sample (see the export options).
     *
     * @param parseErrors      answers that did not parse
     * @param harnessErrors    answers the harness replied to with an error
     * @param repeatedCommands the same commands as the turn before
     * @param timeouts         a command of the turn timed out
     * @param copiedContext    steps copied from an earlier trajectory (ATIF is_copied_context)
     */
    public record Masking(Boolean parseErrors, Boolean harnessErrors, Boolean repeatedCommands, Boolean timeouts,
                          Boolean copiedContext) {
        public static final Masking DEFAULT = new Masking(true, true, false, false, true);
        public static final Masking NONE = new Masking(false, false, false, false, false);

        public Masking {
            parseErrors = parseErrors == null || parseErrors;
            harnessErrors = harnessErrors == null || harnessErrors;
            repeatedCommands = repeatedCommands != null && repeatedCommands;
            timeouts = timeouts != null && timeouts;
            copiedContext = copiedContext == null || copiedContext;
        }

        /** The turn flags ({@link Conversation}) this rule masks. */
        public int flags() {
            return (parseErrors ? Conversation.PARSE_ERROR : 0) | (harnessErrors ? Conversation.HARNESS_ERROR : 0)
                    | (repeatedCommands ? Conversation.REPEATED : 0) | (timeouts ? Conversation.TIMEOUT : 0)
                    | (copiedContext ? Conversation.COPIED : 0);
        }

        /** Whether a turn with these flags is trained on. */
        public boolean trains(byte turnFlags) {
            return (turnFlags & flags()) == 0;
        }
    }

    // ---- decontamination ---------------------------------------------------------------

    public enum Reference {
        /** The instructions of the tasks imported into the project with origin "imported". */
        @JsonProperty("imported-tasks") IMPORTED_TASKS,
        /** A text file (one instruction a line) or JSONL (instruction, prompt, problem, question or text field). */
        @JsonProperty("file") FILE
    }

    /** Drops samples whose instruction shares an {@code ngram}-word sequence with the reference set. */
    public record Decontamination(Boolean enabled, Integer ngram, Reference reference, String referenceFile) {
        public static final int DEFAULT_NGRAM = 14;
        public static final Decontamination OFF = new Decontamination(false, DEFAULT_NGRAM, Reference.IMPORTED_TASKS, null);

        public Decontamination {
            enabled = enabled != null && enabled;
            ngram = ngram == null ? DEFAULT_NGRAM : ngram;
            reference = reference == null ? Reference.IMPORTED_TASKS : reference;
            check(ngram >= 1 && ngram <= 64, "decontamination.ngram", "must be between 1 and 64");
            check(!enabled || reference != Reference.FILE || referenceFile != null && !referenceFile.isBlank(),
                    "decontamination.referenceFile", "is required when the reference is a file");
        }
    }

    // ---- near duplicates -----------------------------------------------------------------

    /**
     * MinHash/LSH near-duplicate removal over instructions and, separately, over command
     * sequences; each cluster keeps its best-scored member (see {@link SampleScore}).
     *
     * @param threshold estimated Jaccard similarity (of word 3-shingles) at which two samples are duplicates
     */
    public record NearDuplicates(Boolean instructions, Boolean commands, Double threshold) {
        public static final double DEFAULT_THRESHOLD = 0.8;
        public static final NearDuplicates OFF = new NearDuplicates(false, false, DEFAULT_THRESHOLD);

        public NearDuplicates {
            instructions = instructions != null && instructions;
            commands = commands != null && commands;
            threshold = threshold == null ? DEFAULT_THRESHOLD : threshold;
            check(threshold > 0 && threshold <= 1, "nearDuplicates.threshold", "must be in (0, 1]");
        }

        public boolean enabled() {
            return instructions || commands;
        }
    }

    // ---- quality ----------------------------------------------------------------------------

    /**
     * @param denyPatterns  regular expressions (Java syntax, matched anywhere, case-sensitive unless
     *                      the pattern says (?i)); a sample whose assistant turns match one is dropped
     * @param allowedScripts Unicode script names (LATIN, CYRILLIC, HAN, ...; COMMON and INHERITED always
     *                      pass); empty = no script filter
     * @param maxOtherScriptShare the share of letters outside the allowed scripts a sample may have
     */
    public record Quality(List<String> denyPatterns, List<String> allowedScripts, Double maxOtherScriptShare) {
        public static final Quality NONE = new Quality(List.of(), List.of(), 0.0);

        public Quality {
            denyPatterns = denyPatterns == null ? List.of() : List.copyOf(denyPatterns);
            allowedScripts = allowedScripts == null ? List.of() : allowedScripts.stream()
                    .map(name -> name.strip().toUpperCase(java.util.Locale.ROOT)).toList();
            maxOtherScriptShare = maxOtherScriptShare == null ? 0.0 : maxOtherScriptShare;
            for (int i = 0; i < denyPatterns.size(); i++) {
                try {
                    java.util.regex.Pattern.compile(denyPatterns.get(i));
                } catch (java.util.regex.PatternSyntaxException e) {
                    throw new IllegalArgumentException("quality.denyPatterns[" + i + "]: not a regular expression: "
                            + e.getDescription());
                }
            }
            for (String script : allowedScripts) {
                try {
                    Character.UnicodeScript.forName(script);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("quality.allowedScripts: unknown script '" + script + "'");
                }
            }
            check(maxOtherScriptShare >= 0 && maxOtherScriptShare <= 1, "quality.maxOtherScriptShare",
                    "must be in [0, 1]");
        }
    }

    // ---- mixture ----------------------------------------------------------------------------

    public enum MixtureKey {
        @JsonProperty("source") SOURCE,
        @JsonProperty("domain") DOMAIN
    }

    /**
     * Caps: at most this many samples of a source / domain (best-scored first). Weights: the kept
     * samples of the weighted groups are cut down so the groups come out in these proportions (as
     * many as the scarcest group allows); groups without a weight are left as they are.
     */
    public record Mixture(Map<String, Integer> sourceCaps, Map<String, Integer> domainCaps, MixtureKey weightsBy,
                          Map<String, Double> weights) {
        public static final Mixture NONE = new Mixture(Map.of(), Map.of(), MixtureKey.SOURCE, Map.of());

        public Mixture {
            sourceCaps = sourceCaps == null ? Map.of() : ordered(sourceCaps);
            domainCaps = domainCaps == null ? Map.of() : ordered(domainCaps);
            weightsBy = weightsBy == null ? MixtureKey.SOURCE : weightsBy;
            weights = weights == null ? Map.of() : ordered(weights);
            sourceCaps.forEach((key, cap) -> check(cap != null && cap >= 0, "mixture.sourceCaps." + key, "must be 0 or more"));
            domainCaps.forEach((key, cap) -> check(cap != null && cap >= 0, "mixture.domainCaps." + key, "must be 0 or more"));
            weights.forEach((key, weight) -> check(weight != null && weight >= 0 && !weight.isInfinite(),
                    "mixture.weights." + key, "must be 0 or more"));
        }

        public boolean enabled() {
            return !sourceCaps.isEmpty() || !domainCaps.isEmpty() || !weights.isEmpty();
        }
    }

    // ---- curriculum ---------------------------------------------------------------------------

    public enum CurriculumOrder {
        /** A seeded shuffle. */
        @JsonProperty("none") NONE,
        /** Easy to hard by the task's difficulty label (easy, medium, hard, ...; unlabelled last). */
        @JsonProperty("difficulty") DIFFICULTY,
        /** High to low measured pass rate of the task (rollouts, else resolved trajectories of the task). */
        @JsonProperty("pass-rate") PASS_RATE,
        @JsonProperty("turns") TURNS,
        @JsonProperty("tokens") TOKENS
    }

    /**
     * @param stages proportions of staged buckets along the order (e.g. [0.3, 0.3, 0.4]); samples
     *               are shuffled (seeded) inside each stage. Empty: one stage, so an order is kept
     *               strictly (ties shuffled) and "none" is a plain shuffle.
     */
    public record Curriculum(CurriculumOrder order, List<Double> stages) {
        public static final Curriculum NONE = new Curriculum(CurriculumOrder.NONE, List.of());

        public Curriculum {
            order = order == null ? CurriculumOrder.NONE : order;
            stages = stages == null ? List.of() : List.copyOf(stages);
            for (int i = 0; i < stages.size(); i++) {
                check(stages.get(i) != null && stages.get(i) > 0, "curriculum.stages[" + i + "]", "must be more than 0");
            }
        }
    }

    // ---- split ---------------------------------------------------------------------------------

    /** Share of tasks (not samples) that go to validation; no task is in both sets. */
    public record Split(Double validationFraction) {
        public static final Split NONE = new Split(0.0);

        public Split {
            validationFraction = validationFraction == null ? 0.0 : validationFraction;
            check(validationFraction >= 0 && validationFraction < 1, "split.validationFraction", "must be in [0, 1)");
        }
    }

    private static <V> Map<String, V> ordered(Map<String, V> map) {
        return java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(new LinkedHashMap<>(map)));
    }

    private static void check(boolean ok, String field, String problem) {
        if (!ok) {
            throw new IllegalArgumentException(field + ": " + problem);
        }
    }
}
