package org.termcurator.core.curate;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import org.termcurator.core.jobs.JobContext;
import org.termcurator.core.project.ProjectDb;

/**
 * Curation of one project's trajectories: previews what a set of settings keeps, and exports it.
 * The first preview reads every trajectory once into a compact feature cache (token counts per
 * turn, parse flags, MinHash signatures, script counts, outcome); later previews re-run only the
 * filter chain over that cache, redoing an expensive part only when a setting it depends on
 * changed. Thread-safe: calls are serialised, so a ViewModel may call from any background thread.
 */
public final class CurationPipeline {

    private final ProjectDb db;

    public CurationPipeline(ProjectDb db) {
        this.db = db;
    }

    public ProjectDb db() {
        return db;
    }

    /** What the settings keep and drop, with the funnel, histograms and curriculum order. */
    public synchronized Preview preview(CurationSettings settings, JobContext job) throws SQLException, IOException {
        throw new UnsupportedOperationException("not yet");
    }

    /** Counts by source, outcome and domain, turn and token spreads (tokens in the default encoding). */
    public synchronized ProjectStats stats(JobContext job) throws SQLException, IOException {
        throw new UnsupportedOperationException("not yet");
    }

    /** One trajectory exactly as {@code format} would write it under these settings (cleaning and cutting applied). */
    public synchronized SamplePreview previewSample(CurationSettings settings, ExportFormat format, long trajectoryId)
            throws SQLException, IOException {
        throw new UnsupportedOperationException("not yet");
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
        throw new UnsupportedOperationException("not yet");
    }

    /** Forgets every cached feature, e.g. after trajectories were imported; the next preview reads the project again. */
    public synchronized void invalidate() {
    }
}
