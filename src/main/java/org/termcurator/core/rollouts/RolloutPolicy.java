package org.termcurator.core.rollouts;

import org.termcurator.core.rollouts.container.CastRecorder;
import org.termcurator.core.rollouts.container.ContainerLimits;
import org.termcurator.core.settings.Settings;

/**
 * What the user's settings say about every rollout: the limits of a task that sets none, and
 * whether image builds of tasks without internet get a network anyway, and what one recording
 * (a cast) keeps.
 */
public record RolloutPolicy(ContainerLimits.Defaults limits, boolean buildNetwork, long recordingBudget) {

    /** Harbor's default limits; builds have a network only when the task allows the internet; 20 MB casts. */
    public static final RolloutPolicy DEFAULT = new RolloutPolicy(ContainerLimits.Defaults.HARBOR, false,
            CastRecorder.DEFAULT_BUDGET);

    public RolloutPolicy(ContainerLimits.Defaults limits, boolean buildNetwork) {
        this(limits, buildNetwork, CastRecorder.DEFAULT_BUDGET);
    }

    public RolloutPolicy {
        recordingBudget = recordingBudget > 0 ? recordingBudget : CastRecorder.DEFAULT_BUDGET;
    }

    public static RolloutPolicy fromSettings(Settings settings) {
        return new RolloutPolicy(new ContainerLimits.Defaults(settings.getRolloutCpus(), settings.getRolloutMemoryMb(),
                settings.getRolloutStorageMb()), settings.isRolloutBuildNetwork(),
                settings.getRecordingBudgetMb() * 1024 * 1024);
    }
}
