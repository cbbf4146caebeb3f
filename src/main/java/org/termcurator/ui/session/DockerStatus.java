package org.termcurator.ui.session;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.termcurator.core.docker.DockerAddress;
import org.termcurator.core.docker.DockerEngine;
import org.termcurator.core.docker.DockerEngineException;
import org.termcurator.core.docker.EngineInfo;
import org.termcurator.core.rollouts.LeftoverRollouts;

/**
 * Whether the Docker engine answers, checked in the background now and then and on demand,
 * for the status bar and the Rollouts view.
 */
public final class DockerStatus implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DockerStatus.class);

    private static final long RECHECK_SECONDS = 20;

    private final Supplier<DockerAddress> address;
    private final ScheduledExecutorService checker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "docker-status");
        thread.setDaemon(true);
        return thread;
    });
    private final ReadOnlyBooleanWrapper reachable = new ReadOnlyBooleanWrapper(this, "reachable");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "Docker: checking…");
    private final ReadOnlyStringWrapper detail = new ReadOnlyStringWrapper(this, "detail", "");
    private ScheduledFuture<?> periodic;
    /** Containers a crashed session left behind are removed once, the first time the engine answers. */
    private boolean reaped;

    public DockerStatus(Supplier<DockerAddress> address) {
        this.address = address;
    }

    /** Starts the periodic check. */
    public synchronized void start() {
        if (periodic == null) {
            periodic = checker.scheduleWithFixedDelay(this::check, 0, RECHECK_SECONDS, TimeUnit.SECONDS);
        }
    }

    /** Checks again soon, e.g. after the Docker host changed in Settings. */
    public void recheck() {
        checker.execute(this::check);
    }

    private void check() {
        DockerAddress target = address.get();
        try (DockerEngine engine = DockerEngine.connect(target)) {
            EngineInfo info = engine.ping();
            reapOnce(engine);
            publish(true, "Docker " + info.version(), "Docker " + info.version() + " (API " + info.apiVersion()
                    + ", " + info.os() + "/" + info.arch() + ") at " + info.host());
        } catch (DockerEngineException e) {
            publish(false, "Docker not reachable", e.getMessage());
        } catch (RuntimeException e) {
            publish(false, "Docker not reachable", "Docker is not reachable at " + target.effectiveHost() + ": " + e);
        }
    }

    private void reapOnce(DockerEngine engine) {
        if (reaped) {
            return;
        }
        reaped = true;
        try {
            LeftoverRollouts.Report report = LeftoverRollouts.removeOrphans(engine);
            if (!report.removed().isEmpty()) {
                LOG.info("removed {} container(s) left behind by an earlier session", report.removed().size());
            }
        } catch (DockerEngineException e) {
            LOG.warn("leftover containers could not be removed: {}", e.getMessage());
        }
    }

    private void publish(boolean ok, String shortText, String longText) {
        Platform.runLater(() -> {
            reachable.set(ok);
            summary.set(shortText);
            detail.set(longText);
        });
    }

    public ReadOnlyBooleanProperty reachableProperty() {
        return reachable.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty detailProperty() {
        return detail.getReadOnlyProperty();
    }

    @Override
    public void close() {
        checker.shutdownNow();
    }
}
