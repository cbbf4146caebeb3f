package org.termcurator.core.rollouts.images;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.termcurator.core.docker.DockerEngine;
import org.termcurator.core.docker.DockerEngineException;
import org.termcurator.core.docker.ImageBuildException;
import org.termcurator.core.rollouts.task.RolloutTaskSpec;
import org.termcurator.core.rollouts.task.TaskSpecException;

/**
 * Builds task images from their environment/ folder, once per content: an image is labelled
 * with the SHA-256 of its build context, and a task whose folder (and base images) did not
 * change is never built again. Concurrent rollouts of one task wait for a single build.
 */
public final class TaskImages {

    public static final String CONTEXT_LABEL = "org.termcurator.context-sha256";
    public static final String TASK_LABEL = "org.termcurator.task";
    public static final String IMAGE_REPOSITORY = "curator-task/";
    private static final Duration DEFAULT_BUILD_TIMEOUT = Duration.ofMinutes(30);

    private final DockerEngine engine;
    private final Duration buildTimeout;
    private final Map<String, ReentrantLock> buildLocks = new ConcurrentHashMap<>();

    public TaskImages(DockerEngine engine) {
        this(engine, DEFAULT_BUILD_TIMEOUT);
    }

    public TaskImages(DockerEngine engine, Duration buildTimeout) {
        this.engine = engine;
        this.buildTimeout = buildTimeout;
    }

    /**
     * The task's image: its docker_image when that exists locally, else the cached build of
     * environment/, else a fresh build whose output goes line by line to {@code log}.
     */
    public TaskImage ensure(RolloutTaskSpec task, BaseImageMap baseImages, Consumer<String> log)
            throws TaskSpecException, ImageBuildException, DockerEngineException, InterruptedException {
        if (task.dockerImage() != null) {
            String mapped = baseImages.resolve(task.dockerImage());
            String reference = mapped == null ? task.dockerImage() : mapped;
            String id = engine.imageId(reference);
            if (id != null) {
                List<String> rewrites = mapped == null ? List.of() : List.of(task.dockerImage() + " -> " + mapped);
                return new TaskImage(id, reference, true, null, rewrites, "");
            }
            if (!Files.isDirectory(task.environmentDir())) {
                throw new TaskSpecException(task.dir().resolve("task.toml") + " [environment] docker_image: "
                        + reference + " is not available locally and the task has no environment/ to build");
            }
        }
        BuildContext context = readContext(task, baseImages);
        ReentrantLock lock = buildLocks.computeIfAbsent(context.sha256(), hash -> new ReentrantLock());
        lock.lockInterruptibly();
        try {
            String cached = engine.findImageByLabel(CONTEXT_LABEL, context.sha256());
            if (cached != null) {
                return new TaskImage(cached, tag(task, context), true, context.sha256(), context.rewrite().changes(), "");
            }
            return build(task, context, log);
        } finally {
            lock.unlock();
        }
    }

    /** The tag a task's build gets: curator-task/NAME:HASH12. */
    static String tag(RolloutTaskSpec task, BuildContext context) {
        String name = task.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-")
                .replaceAll("^[^a-z0-9]+", "").replaceAll("[^a-z0-9]+$", "");
        return IMAGE_REPOSITORY + (name.isEmpty() ? "task" : name) + ":" + context.sha256().substring(0, 12);
    }

    private BuildContext readContext(RolloutTaskSpec task, BaseImageMap baseImages)
            throws TaskSpecException, DockerEngineException {
        try {
            return BuildContext.of(task.environmentDir(), baseImages, reference -> {
                try {
                    return engine.imageId(reference);
                } catch (DockerEngineException e) {
                    throw new EngineFailure(e);
                }
            });
        } catch (EngineFailure e) {
            throw e.cause;
        } catch (IOException e) {
            throw new TaskSpecException(task.environmentDir() + " cannot be read (" + e.getMessage() + ")", e);
        }
    }

    private TaskImage build(RolloutTaskSpec task, BuildContext context, Consumer<String> log)
            throws DockerEngineException, ImageBuildException, InterruptedException {
        String tag = tag(task, context);
        StringBuilder preface = new StringBuilder();
        for (String change : context.rewrite().changes()) {
            preface.append("base-image map: FROM ").append(change).append('\n');
        }
        for (String base : context.baseImages()) {
            if (engine.imageId(base) == null) {
                throw new ImageBuildException("building " + tag + " failed: base image " + base
                        + " is not available locally; map it to a local image (Settings > base-image map, or "
                        + "--image-map '" + base + "=IMAGE')", preface.toString(), null);
            }
        }
        StringBuilder kept = new StringBuilder(preface);
        preface.toString().lines().forEach(line -> log.accept(line + "\n"));
        Consumer<String> keepAndForward = line -> {
            synchronized (kept) {
                kept.append(line);
            }
            log.accept(line);
        };
        Path tar = null;
        try {
            tar = org.termcurator.core.io.AppTemp.newFile("build-context-", ".tar");
            try (OutputStream out = Files.newOutputStream(tar)) {
                context.writeTar(out);
            }
            try (InputStream in = Files.newInputStream(tar)) {
                String id = engine.buildImage(in, tag, Map.of(CONTEXT_LABEL, context.sha256(), TASK_LABEL, task.name()),
                        keepAndForward, buildTimeout);
                synchronized (kept) {
                    return new TaskImage(id, tag, false, context.sha256(), context.rewrite().changes(), kept.toString());
                }
            }
        } catch (ImageBuildException e) {
            throw new ImageBuildException(e.getMessage(), preface + e.log(), e.getCause());
        } catch (IOException e) {
            throw new ImageBuildException("building " + tag + " failed: the build context cannot be written ("
                    + e.getMessage() + ")", preface.toString(), e);
        } finally {
            if (tar != null) {
                try {
                    Files.deleteIfExists(tar);
                } catch (IOException ignored) {
                    // a temp file; the OS cleans its temp folder
                }
            }
        }
    }

    /** Carries a checked engine failure out of the hashing callback. */
    private static final class EngineFailure extends RuntimeException {
        private final DockerEngineException cause;

        EngineFailure(DockerEngineException cause) {
            super(cause);
            this.cause = cause;
        }
    }
}
