package org.termcurator.core.docker;

import java.util.List;

/** An image the engine has locally. */
public record LocalImage(String id, List<String> tags, long sizeBytes, long createdEpochSeconds) {

    public LocalImage {
        tags = List.copyOf(tags);
    }
}
