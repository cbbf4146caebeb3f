package org.termcurator.core.project;

import java.nio.file.Path;
import java.util.Map;

/** What {@code project info} reports: where the project is, its schema and how much it holds. */
public record ProjectInfo(Path file, int schemaVersion, int latestSchemaVersion, String createdAt,
                          String createdWith, long sizeBytes, Map<String, Long> counts, WalStatus wal) {

    public ProjectInfo {
        counts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(counts));
    }
}
