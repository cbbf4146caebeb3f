package org.termcurator.core.curate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.termcurator.core.jobs.JobContext;
import org.termcurator.core.project.ProjectDb;

/**
 * Curation of one project's trajectories: previews what a set of settings keeps, and exports it.
 * The first preview reads every trajectory once into a compact feature cache (token counts per
 * turn, parse flags, MinHash signatures, script counts, outcome); later previews re-run only the
 * filter chain over that cache, redoing an expensive part only when a setting it depends on
 * changed: the encoding (a new scan), the deny-list (a new pass over the assistant texts), the
 * decontamination reference or n, the near-duplicate threshold. A change to the project's
 * trajectories, tasks or rollouts is noticed at the next call. Calls are serialised, so a
 * ViewModel may call from any background thread.
 */
public final class CurationPipeline {

    private final ProjectDb db;

    private SampleFeatures features;
    private String fingerprint;
    private List<String> denyKey;
    private int[] denyHits;
    private String decontaminationKey;
    private boolean[] contaminated;
    private Double instructionThreshold;
    private int[] instructionClusters;
    private Double commandThreshold;
    private int[] commandClusters;

    public CurationPipeline(ProjectDb db) {
        this.db = db;
    }

    public ProjectDb db() {
        return db;
    }

    /** What the settings keep and drop, with the funnel, histograms and curriculum order. */
    public synchronized Preview preview(CurationSettings settings, JobContext job) throws SQLException, IOException {
        return preview(select(settings, job));
    }

    /** Counts by source, outcome and domain, turn and token spreads (tokens in the default encoding). */
    public synchronized ProjectStats stats(JobContext job) throws SQLException, IOException {
        SampleFeatures f = features(features == null ? CurationSettings.TokenLimit.DEFAULT_ENCODING : features.encoding, job);
        Map<String, Integer> bySource = new TreeMap<>();
        Map<String, Integer> byOutcome = new LinkedHashMap<>();
        byOutcome.put("success", 0);
        byOutcome.put("failed", 0);
        byOutcome.put("unknown", 0);
        Map<String, Integer> byDomain = new TreeMap<>();
        List<Integer> turns = new ArrayList<>();
        List<Integer> tokens = new ArrayList<>();
        int withConversation = 0;
        for (int s = 0; s < f.size; s++) {
            bySource.merge(f.sources[f.source[s]], 1, Integer::sum);
            byDomain.merge(f.domains[f.domain[s]], 1, Integer::sum);
            double outcome = f.outcomeScore(s);
            byOutcome.merge(outcome >= 1 ? "success" : f.resolved[s] < 0 && Float.isNaN(f.reward[s]) ? "unknown"
                    : "failed", 1, Integer::sum);
            if (f.hasConversation(s)) {
                withConversation++;
                turns.add(Histograms.rawTurns(f, s));
                tokens.add(Histograms.rawTokens(f, s));
            }
        }
        return new ProjectStats(f.size, withConversation, bySource, byOutcome, byDomain, spread(turns), spread(tokens),
                f.encoding);
    }

    /**
     * One trajectory exactly as {@code format} would write it under these settings (cleaning and
     * cutting applied); Harbor exports write task folders, so for them the sample shows as messages.
     */
    public synchronized SamplePreview previewSample(CurationSettings settings, ExportFormat format, long trajectoryId)
            throws SQLException, IOException {
        SampleFeatures f = features(settings.tokens().encoding(), JobContext.unobserved());
        int sample = f.sampleOf(trajectoryId);
        if (sample < 0) {
            throw new IllegalArgumentException("no trajectory " + trajectoryId + " in the project");
        }
        ExportFormat shown = format == ExportFormat.HARBOR ? ExportFormat.MESSAGES : format;
        List<Long> ids = List.of(trajectoryId);
        Conversation conversation = db.read(connection -> ConversationReader.conversations(connection, ids))
                .get(trajectoryId);
        Selection selection = select(settings, JobContext.unobserved());
        ExportRun run = new ExportRun(db, selection);
        List<ChatMessage> messages = run.messages(sample, conversation);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        JsonLineWriter json = new JsonLineWriter(bytes);
        RowWriter.write(shown, json, messages, shown == ExportFormat.CORPUS
                ? db.read(connection -> ConversationReader.corpusColumns(connection, ids)).get(trajectoryId) : null);
        json.flush();
        TokenCounter counter = new TokenCounter(settings.tokens().encoding());
        List<SamplePreview.Part> parts = new ArrayList<>();
        int total = 0;
        for (ChatMessage message : shown == ExportFormat.CORPUS ? RowWriter.alternating(messages) : messages) {
            int tokens = counter.message(message.content());
            total += tokens;
            parts.add(new SamplePreview.Part(message.role(), message.content(), tokens, message.isAssistant()));
        }
        return new SamplePreview(trajectoryId, shown, bytes.toString(StandardCharsets.UTF_8), total, parts);
    }

    /**
     * Whether an export to {@code outDir} would replace an earlier export of this app (the window
     * asks first); false for a missing or empty folder and for one an export would refuse.
     */
    public static boolean holdsEarlierExport(Path outDir) {
        try {
            return org.termcurator.core.io.ExportFolder.of(outDir, org.termcurator.core.AppVersion.name(),
                    org.termcurator.core.settings.ConfigLocation.exportJournalDir()).inspect()
                    == org.termcurator.core.io.ExportFolder.Contents.EARLIER_EXPORT;
        } catch (IOException e) {
            return false; // the export itself says what is wrong with the folder
        }
    }

    /** Exports what the settings keep; see {@link #export(CurationSettings, String, ExportFormat, Path, JobContext)}. */
    public ExportResult export(CurationSettings settings, ExportFormat format, Path outDir, JobContext job)
            throws SQLException, IOException {
        return export(settings, null, format, outDir, job);
    }

    /**
     * Writes train (and validation) files of {@code format} and a manifest into {@code outDir},
     * all through temporary files renamed at the end (a cancelled or failed export leaves none),
     * and records the export in the project's history.
     *
     * @param presetName the preset the settings came from, for the manifest and history; may be null
     */
    public synchronized ExportResult export(CurationSettings settings, String presetName, ExportFormat format,
                                            Path outDir, JobContext job) throws SQLException, IOException {
        Selection selection = select(settings, job);
        return new ExportRun(db, selection).export(presetName, format, outDir, job);
    }

    /** Forgets every cached feature, e.g. after trajectories were imported; the next preview reads the project again. */
    public synchronized void invalidate() {
        features = null;
        fingerprint = null;
        clearDerived();
    }

    private void clearDerived() {
        denyKey = null;
        denyHits = null;
        decontaminationKey = null;
        contaminated = null;
        instructionThreshold = null;
        instructionClusters = null;
        commandThreshold = null;
        commandClusters = null;
    }

    private Selection select(CurationSettings settings, JobContext job) throws SQLException, IOException {
        SampleFeatures f = features(settings.tokens().encoding(), job);
        return Selection.run(f, settings, new Selection.Inputs(denyHits(f, settings, job),
                contaminated(f, settings), instructionClusters(f, settings), commandClusters(f, settings)));
    }

    private SampleFeatures features(String encoding, JobContext job) throws SQLException {
        String now = fingerprint();
        if (features == null || !features.encoding.equals(encoding) || !now.equals(fingerprint)) {
            features = null;
            clearDerived();
            features = FeatureScanner.scan(db, encoding, job);
            fingerprint = now;
        }
        return features;
    }

    private int[] denyHits(SampleFeatures f, CurationSettings settings, JobContext job) throws SQLException {
        List<String> patterns = settings.quality().denyPatterns();
        if (patterns.isEmpty()) {
            return null;
        }
        if (!patterns.equals(denyKey)) {
            denyHits = DenyListScan.scan(db, f, patterns, job);
            denyKey = patterns;
        }
        return denyHits;
    }

    private boolean[] contaminated(SampleFeatures f, CurationSettings settings) throws SQLException, IOException {
        CurationSettings.Decontamination decontamination = settings.decontamination();
        if (!decontamination.enabled()) {
            return null;
        }
        String key = decontamination.reference() + "|" + decontamination.ngram() + "|" + referenceStamp(decontamination);
        if (!key.equals(decontaminationKey)) {
            DecontaminationIndex index = DecontaminationIndex.of(decontamination, db);
            boolean[] hits = new boolean[f.instructionWords.length];
            for (int i = 0; i < hits.length; i++) {
                hits[i] = index.contaminated(f.instructionWords[i], decontamination.ngram());
            }
            contaminated = hits;
            decontaminationKey = key;
        }
        return contaminated;
    }

    /** A reference file is read again when it changed on disk. */
    private static String referenceStamp(CurationSettings.Decontamination decontamination) throws IOException {
        if (decontamination.reference() != CurationSettings.Reference.FILE) {
            return "";
        }
        Path file = Path.of(decontamination.referenceFile());
        return Files.isRegularFile(file) ? file.toAbsolutePath() + "|" + Files.size(file) + "|"
                + Files.getLastModifiedTime(file).toMillis() : file.toString();
    }

    private int[] instructionClusters(SampleFeatures f, CurationSettings settings) {
        CurationSettings.NearDuplicates nearDuplicates = settings.nearDuplicates();
        if (!nearDuplicates.instructions()) {
            return null;
        }
        if (!nearDuplicates.threshold().equals(instructionThreshold)) {
            instructionClusters = NearDuplicateClusters.cluster(f.instructionSignature, nearDuplicates.threshold());
            instructionThreshold = nearDuplicates.threshold();
        }
        return instructionClusters;
    }

    private int[] commandClusters(SampleFeatures f, CurationSettings settings) {
        CurationSettings.NearDuplicates nearDuplicates = settings.nearDuplicates();
        if (!nearDuplicates.commands()) {
            return null;
        }
        if (!nearDuplicates.threshold().equals(commandThreshold)) {
            commandClusters = NearDuplicateClusters.cluster(f.commandSignature, nearDuplicates.threshold());
            commandThreshold = nearDuplicates.threshold();
        }
        return commandClusters;
    }

    /** Changes whenever trajectories, tasks or rollouts are added, replaced or removed. */
    private String fingerprint() throws SQLException {
        return db.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT "
                    + "(SELECT count(*) || ':' || coalesce(max(id), 0) || ':' || coalesce(max(imported_at), '') FROM trajectories)"
                    + " || '|' || (SELECT count(*) || ':' || coalesce(max(updated_at), '') FROM tasks)"
                    + " || '|' || (SELECT count(*) || ':' || coalesce(max(id), 0) || ':' || coalesce(max(finished_at), '') FROM rollouts)");
                 ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        });
    }

    private static Preview preview(Selection selection) {
        SampleFeatures f = selection.features;
        List<FunnelStage> funnel = new ArrayList<>();
        for (Filter filter : Filter.values()) {
            funnel.add(new FunnelStage(filter, selection.funnelIn[filter.ordinal()], selection.funnelOut[filter.ordinal()]));
        }
        int[] order = selection.order;
        int[] dropped = java.util.stream.IntStream.range(0, f.size).filter(s -> !selection.kept(s)).toArray();
        List<SampleRef> kept = new AbstractList<>() {
            @Override
            public SampleRef get(int index) {
                return ref(selection, order[index]);
            }

            @Override
            public int size() {
                return order.length;
            }
        };
        List<DroppedSample> droppedList = new AbstractList<>() {
            @Override
            public DroppedSample get(int index) {
                int s = dropped[index];
                return new DroppedSample(ref(selection, s), Filter.values()[selection.droppedBy[s]], selection.detail(s));
            }

            @Override
            public int size() {
                return dropped.length;
            }
        };
        int validation = selection.validationCount();
        return new Preview(selection.settings, f.size, List.copyOf(funnel), Histograms.turns(selection),
                Histograms.tokens(selection), Histograms.reward(selection), Histograms.domain(selection), kept,
                droppedList, List.copyOf(selection.stages), order.length - validation, validation);
    }

    private static SampleRef ref(Selection selection, int s) {
        SampleFeatures f = selection.features;
        boolean kept = selection.kept(s);
        return new SampleRef(f.id[s], f.taskName(s), f.sources[f.source[s]], f.domains[f.domain[s]],
                f.models[f.model[s]], kept ? selection.turns[s] : Histograms.rawTurns(f, s),
                kept ? selection.tokens[s] : Histograms.rawTokens(f, s), f.rewardOf(s), f.resolvedOf(s),
                kept ? selection.stageOf[s] : -1, kept && selection.validation[s]);
    }

    private static ProjectStats.Spread spread(List<Integer> values) {
        if (values.isEmpty()) {
            return new ProjectStats.Spread(0, 0, 0, 0, 0, 0, 0);
        }
        int[] sorted = values.stream().mapToInt(Integer::intValue).sorted().toArray();
        double mean = Arrays.stream(sorted).average().orElse(0);
        return new ProjectStats.Spread(sorted[0], at(sorted, 0.25), at(sorted, 0.5), at(sorted, 0.75), at(sorted, 0.95),
                sorted[sorted.length - 1], Math.round(mean * 10) / 10.0);
    }

    private static long at(int[] sorted, double quantile) {
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(quantile * (sorted.length - 1) + 0.5))];
    }

    @Override
    public String toString() {
        return "CurationPipeline[" + Objects.toString(db.file()) + "]";
    }
}
