package org.termcurator.core.rollouts;

import org.termcurator.core.rollouts.container.ContainerLimits;
import org.termcurator.core.settings.Settings;

/**
 * What the user's settings say about every rollout: the limits of a task that sets none, and
 * whether image builds of tasks without internet get a network anyway.
 */
public record RolloutPolicy(ContainerLimits.Defaults limits, boolean buildNetwork) {

    /** Harbor's default limits; builds have a network only when the task allows the internet. */
    public static final RolloutPolicy DEFAULT = new RolloutPolicy(ContainerLimits.Defaults.HARBOR, false);

    public static RolloutPolicy fromSettings(Settings settings) {
        return new RolloutPolicy(new ContainerLimits.Defaults(settings.getRolloutCpus(), settings.getRolloutMemoryMb(),
                settings.getRolloutStorageMb()), settings.isRolloutBuildNetwork());
    }
}
