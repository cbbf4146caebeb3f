package org.termcurator.core.rollouts;

import java.nio.file.Path;
import org.termcurator.core.rollouts.images.BaseImageMap;
import org.termcurator.core.settings.Settings;

/** What the user's settings say about rollouts: where work folders go, the base-image map. */
public final class RolloutSettings {

    private RolloutSettings() {
    }

    /** The rollout work root from settings, else the default under the system temp folder. */
    public static Path workRoot(Settings settings) {
        return settings.getRolloutWorkRoot().isEmpty() ? RolloutRunner.defaultWorkRoot()
                : Path.of(settings.getRolloutWorkRoot());
    }

    public static BaseImageMap baseImages(Settings settings) {
        return BaseImageMap.of(settings.getBaseImageMap());
    }
}
