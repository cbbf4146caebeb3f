package org.termcurator.core.rollouts;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.termcurator.core.docker.ContainerOwner;
import org.termcurator.core.docker.DockerAddress;
import org.termcurator.core.docker.DockerEngine;
import org.termcurator.core.docker.DockerEngineException;
import org.termcurator.core.project.ProjectDb;

/**
 * Cleans up after rollouts whose process died (a crash, kill -9, a machine that went to
 * sleep): the project still shows them queued or running, and their containers still run.
 * One workflow in two steps, called by the CLI before it rolls out and by the app on start
 * and on project open:
 * <ol>
 *   <li>{@link #markInterrupted}: needs no engine; runs as a project opens for writing, before
 *       any rollout of it starts (the project lock means no other process runs its rollouts);</li>
 *   <li>{@link #removeOrphans}: removes the containers with this app's label whose owning
 *       process (host, pid, start time) is gone; containers of live processes, this one
 *       included, and of other hosts sharing a remote engine are spared.</li>
 * </ol>
 */
public final class LeftoverRollouts {

    /** The error a rollout marked interrupted carries. */
    public static final String INTERRUPTED_MESSAGE = "the app stopped before the rollout finished";

    private static final Logger LOG = LoggerFactory.getLogger(LeftoverRollouts.class);

    private LeftoverRollouts() {
    }

    /**
     * What a clean-up did.
     *
     * @param engineProblem why the containers were not checked (the engine did not answer), else null
     */
    public record Report(int interrupted, List<String> removed, List<String> spared, String engineProblem) {

        /** One line for the user, or null when there was nothing to clean up. */
        public String describe() {
            if (removed.isEmpty() && interrupted == 0) {
                return null;
            }
            return "Removed " + removed.size() + " leftover container(s); marked " + interrupted
                    + " unfinished rollout(s) interrupted.";
        }
    }

    /** Step 1: the project's queued and running rollouts are marked interrupted; returns how many. */
    public static int markInterrupted(ProjectDb project) throws SQLException {
        return project.write(connection -> {
            try (PreparedStatement update = connection.prepareStatement("""
                    UPDATE rollouts SET status = 'interrupted', finished_at = ?, error = coalesce(error, ?)
                     WHERE status IN ('queued', 'running')""")) {
                update.setString(1, Instant.now().toString());
                update.setString(2, INTERRUPTED_MESSAGE);
                return update.executeUpdate();
            }
        });
    }

    /** Step 2 with an engine that answered: removes orphaned containers. */
    public static Report removeOrphans(DockerEngine engine) throws DockerEngineException {
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
        return new Report(0, removed, spared, null);
    }

    /**
     * Step 2 in the background (the app): never throws; an engine that does not answer is
     * reported, and its leftovers wait for the next start or project open.
     */
    public static Report removeOrphans(DockerAddress address) {
        try (DockerEngine engine = DockerEngine.connect(address)) {
            Report report = removeOrphans(engine);
            if (!report.removed().isEmpty()) {
                LOG.info("removed {} container(s) left behind by an earlier session", report.removed().size());
            }
            return report;
        } catch (DockerEngineException e) {
            LOG.info("leftover containers not checked, Docker is not reachable: {}", e.getMessage());
            return new Report(0, List.of(), List.of(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("leftover rollouts could not be cleaned up: {}", e.getMessage());
            return new Report(0, List.of(), List.of(), String.valueOf(e.getMessage()));
        }
    }

    /** Both steps, in order, with an engine that answered: what the CLI does before it rolls out. */
    public static Report clean(ProjectDb project, DockerEngine engine) throws SQLException, DockerEngineException {
        int interrupted = markInterrupted(project);
        Report containers = removeOrphans(engine);
        return new Report(interrupted, containers.removed(), containers.spared(), null);
    }
}
