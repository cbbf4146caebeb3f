package org.termcurator.core.rollouts;

import java.nio.file.Path;
import org.termcurator.core.docker.DockerAddress;
import org.termcurator.core.rollouts.images.BaseImageMap;
import org.termcurator.core.settings.Settings;

/**
 * What rollouts take from the user's settings: the Docker engine, the base-image map, where
 * work folders go, how many run at once by default and what a container may use ({@link RolloutPolicy}). A command's options override parts
 * of it ({@code --work-root}, {@code --image-map}, {@code --docker-host}, {@code --concurrency}).
 */
public record RolloutConfig(DockerAddress dockerAddress, BaseImageMap baseImages, Path workRoot,
                            int defaultConcurrency, RolloutPolicy policy) {

    /** With the built-in policy (Harbor's default limits). */
    public RolloutConfig(DockerAddress dockerAddress, BaseImageMap baseImages, Path workRoot, int defaultConcurrency) {
        this(dockerAddress, baseImages, workRoot, defaultConcurrency, RolloutPolicy.DEFAULT);
    }

    /** The settings as they are now; an empty work root setting means the default under the temp folder. */
    public static RolloutConfig fromSettings(Settings settings) {
        Path workRoot = settings.getRolloutWorkRoot().isEmpty() ? RolloutRunner.defaultWorkRoot()
                : Path.of(settings.getRolloutWorkRoot());
        return new RolloutConfig(DockerAddress.fromSettings(settings), BaseImageMap.of(settings.getBaseImageMap()),
                workRoot, settings.getDefaultConcurrency(), RolloutPolicy.fromSettings(settings));
    }

    public RolloutConfig withDockerAddress(DockerAddress address) {
        return new RolloutConfig(address, baseImages, workRoot, defaultConcurrency, policy);
    }

    /** Another work root; null keeps this one. */
    public RolloutConfig withWorkRoot(Path root) {
        return root == null ? this : new RolloutConfig(dockerAddress, baseImages, root, defaultConcurrency, policy);
    }
}
