package org.termcurator.core.rollouts;

import org.termcurator.core.rollouts.container.ContainerLimits;
import org.termcurator.core.settings.Settings;

/**
 * What the user's settings say about every rollout container: the limits of a task that sets
 * none.
 */
public record RolloutPolicy(ContainerLimits.Defaults limits) {

    /** Harbor's defaults. */
    public static final RolloutPolicy DEFAULT = new RolloutPolicy(ContainerLimits.Defaults.HARBOR);

    public static RolloutPolicy fromSettings(Settings settings) {
        return new RolloutPolicy(new ContainerLimits.Defaults(settings.getRolloutCpus(), settings.getRolloutMemoryMb(),
                settings.getRolloutStorageMb()));
    }
}
