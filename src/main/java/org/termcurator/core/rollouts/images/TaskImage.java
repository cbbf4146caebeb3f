package org.termcurator.core.rollouts.images;

import java.util.List;

/**
 * The image a rollout runs in.
 *
 * @param reference the tag (or the task's docker_image) it was found or built under
 * @param cached true when nothing was built
 * @param contextSha256 the build context's hash (null for a prebuilt docker_image)
 * @param rewrites FROM lines the base-image map changed ("from -> to")
 * @param log the build output (empty when cached)
 */
public record TaskImage(String id, String reference, boolean cached, String contextSha256, List<String> rewrites,
                        String log) {

    public TaskImage {
        rewrites = List.copyOf(rewrites);
        log = log == null ? "" : log;
    }
}
