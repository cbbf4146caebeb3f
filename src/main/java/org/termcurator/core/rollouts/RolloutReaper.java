package org.termcurator.core.rollouts;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.termcurator.core.docker.ContainerOwner;
import org.termcurator.core.docker.DockerEngine;
import org.termcurator.core.docker.DockerEngineException;
import org.termcurator.core.project.ProjectDb;

/**
 * Removes the containers a crashed app left behind: containers with the app's label whose
 * owning process (host, pid, start time) is gone. Containers of a live app process, this one
 * included, and of other hosts sharing a remote engine are spared.
 */
public final class RolloutReaper {

    private final DockerEngine engine;

    public RolloutReaper(DockerEngine engine) {
        this.engine = engine;
    }

    /** What a reaping did: containers removed and spared, rollouts marked interrupted. */
    public record Report(List<String> removed, List<String> spared, int interrupted) {
    }

    /** Removes orphaned containers. */
    public Report reap() throws DockerEngineException {
        List<String> removed = new ArrayList<>();
        List<String> spared = new ArrayList<>();
        for (Map.Entry<String, Map<String, String>> container : engine.managedContainerLabels().entrySet()) {
            ContainerOwner owner = ContainerOwner.parse(container.getValue().get(DockerEngine.OWNER_LABEL));
            boolean orphan = owner == null || (owner.onThisHost() && !owner.isAlive());
            if (orphan) {
                engine.remove(container.getKey());
                removed.add(container.getKey());
            } else {
                spared.add(container.getKey());
            }
        }
        return new Report(removed, spared, 0);
    }

    /**
     * Marks the project's unfinished rollouts interrupted (first: that needs no engine), then
     * removes orphaned containers.
     */
    public Report reap(ProjectDb project) throws DockerEngineException, SQLException {
        int interrupted = RolloutRecovery.markInterrupted(project);
        Report containers = reap();
        return new Report(containers.removed(), containers.spared(), interrupted);
    }
}
