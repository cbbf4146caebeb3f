package org.termcurator.core.trajectories;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an import of runs did: counts of trajectories by outcome, each failed item with its reason,
 * and each trial skipped because the same trial of the same run was found at another path.
 */
public record RunImportSummary(int imported, int updated, int unchanged, int failed, List<ImportError> errors,
                               long bytesRead, List<Duplicate> duplicates) {

    public RunImportSummary {
        errors = List.copyOf(errors);
        duplicates = List.copyOf(duplicates);
    }

    /** A trial at {@code path} that is the trial already imported from {@code sameAs} (same run id, same trial name). */
    public record Duplicate(String path, String sameAs, String runId, String trialName) {
    }

    /** The shape every import command prints with --json. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("imported", imported);
        map.put("updated", updated);
        map.put("unchanged", unchanged);
        map.put("failed", failed);
        map.put("errors", errors.stream().map(error -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("path", error.path());
            entry.put("message", error.message());
            return entry;
        }).toList());
        map.put("duplicates", duplicates.stream().map(duplicate -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("path", duplicate.path());
            entry.put("same_as", duplicate.sameAs());
            entry.put("run_id", duplicate.runId());
            entry.put("trial_name", duplicate.trialName());
            return entry;
        }).toList());
        return map;
    }
}
