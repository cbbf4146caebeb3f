package org.termcurator.core.curate;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What an export wrote.
 *
 * @param dropped   per filter key, how many samples it dropped (funnel order)
 * @param files     every file written, data files first and the manifest last
 * @param historyId the row of the project's export history that records it
 */
public record ExportResult(int exported, int train, int validation, Map<String, Integer> dropped, List<Path> files,
                           Path manifest, long bytes, long historyId) {

    public ExportResult {
        dropped = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(dropped));
        files = List.copyOf(files);
    }
}
