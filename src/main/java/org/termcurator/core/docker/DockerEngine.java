package org.termcurator.core.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.ExecCreateCmdResponse;
import com.github.dockerjava.api.exception.DockerClientException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.BuildResponseItem;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.ChangeLog;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Image;
import com.github.dockerjava.api.model.Info;
import com.github.dockerjava.api.model.Version;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The app's door to a Docker engine (docker-java over Apache HttpClient 5): ping, images,
 * and the container life cycle that rollouts are built from.
 */
public final class DockerEngine implements AutoCloseable {

    /** Every container the app creates carries this label, so leftovers can always be found. */
    public static final String MANAGED_LABEL = "org.termcurator.managed";
    /** Which app process made a container (see {@link ContainerOwner}), so a reaper spares live ones. */
    public static final String OWNER_LABEL = "org.termcurator.owner";

    /**
     * The capabilities a container keeps: what a root shell needs to own, change and remove
     * files, switch users (apt, su) and signal its processes. Everything else Docker would grant
     * (NET_RAW, MKNOD, SYS_CHROOT, SETFCAP, SETPCAP, AUDIT_WRITE) is dropped.
     */
    public static final List<Capability> KEPT_CAPABILITIES = List.of(Capability.CHOWN, Capability.DAC_OVERRIDE,
            Capability.FOWNER, Capability.FSETID, Capability.KILL, Capability.SETGID, Capability.SETUID,
            Capability.NET_BIND_SERVICE);
    /** Set on every container: no process gains privileges through setuid files or file capabilities. */
    public static final String NO_NEW_PRIVILEGES = "no-new-privileges";

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final int MAX_CONNECTIONS = 64;

    /**
     * How long the engine may take to answer: a ping (the first call before anything is shown
     * or run), and any other request-response call. Streams that are quiet for long by nature
     * (an image build, a command's output) have no response timeout, only their own deadlines.
     */
    public record Timeouts(Duration ping, Duration call) {
        public static final Timeouts DEFAULT = new Timeouts(Duration.ofSeconds(10), Duration.ofSeconds(60));
    }

    private final DockerAddress address;
    private final Timeouts timeouts;
    private final DockerClient client;
    private final DockerClient streaming;
    private volatile HostResources host;

    private DockerEngine(DockerAddress address, Timeouts timeouts, DockerClient client, DockerClient streaming) {
        this.address = address;
        this.timeouts = timeouts;
        this.client = client;
        this.streaming = streaming;
    }

    /** Builds a client for the address; no connection is made until the first call. */
    public static DockerEngine connect(DockerAddress address) {
        return connect(address, Timeouts.DEFAULT);
    }

    /** A client whose calls give up after {@code timeouts} with an error saying the engine did not answer. */
    public static DockerEngine connect(DockerAddress address, Timeouts timeouts) {
        DefaultDockerClientConfig.Builder builder = DefaultDockerClientConfig.createDefaultConfigBuilder();
        if (!address.host().isBlank()) {
            builder.withDockerHost(address.host());
        }
        if (address.tlsVerify()) {
            builder.withDockerTlsVerify(true);
            if (!address.certPath().isBlank()) {
                builder.withDockerCertPath(address.certPath());
            }
        }
        DockerClientConfig config = builder.build();
        ApacheDockerHttpClient calls = new ApacheDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .sslConfig(config.getSSLConfig())
                .maxConnections(MAX_CONNECTIONS)
                .connectionTimeout(CONNECT_TIMEOUT)
                .responseTimeout(timeouts.call())
                .build();
        ApacheDockerHttpClient streams = new ApacheDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .sslConfig(config.getSSLConfig())
                .maxConnections(MAX_CONNECTIONS)
                .connectionTimeout(CONNECT_TIMEOUT)
                .build();
        return new DockerEngine(address, timeouts, DockerClientImpl.getInstance(config, calls),
                DockerClientImpl.getInstance(config, streams));
    }

    public DockerAddress address() {
        return address;
    }

    /** Asks the engine who it is; the one call to make before showing Docker as ready. */
    public EngineInfo ping() throws DockerEngineException {
        try {
            return bounded(timeouts.ping(), () -> {
                client.pingCmd().exec();
                Version version = client.versionCmd().exec();
                return new EngineInfo(address.effectiveHost(), version.getVersion(), version.getApiVersion(),
                        version.getOperatingSystem(), version.getArch());
            });
        } catch (RuntimeException e) {
            throw unavailable(e);
        }
    }

    /**
     * Runs one request-response call, waiting at most {@link Timeouts#call()} for its answer.
     * The call runs on a thread of its own, interrupted when the time is up (which closes its
     * connection: a socket's timeout alone does not hold on Unix sockets). What the call throws
     * comes out unchanged; a call that does not answer ends as "did not answer".
     */
    public <T> T call(java.util.concurrent.Callable<T> body) throws DockerEngineException {
        return bounded(timeouts.call(), body);
    }

    private <T> T bounded(Duration limit, java.util.concurrent.Callable<T> body) throws DockerEngineException {
        var answer = new java.util.concurrent.CompletableFuture<T>();
        Thread worker = Thread.ofVirtual().name("docker-call").start(() -> {
            try {
                answer.complete(body.call());
            } catch (Throwable e) {
                answer.completeExceptionally(e);
            }
        });
        try {
            return answer.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            worker.interrupt();
            throw silent(limit, e);
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof DockerEngineException docker) {
                throw docker;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        } catch (InterruptedException e) {
            worker.interrupt();
            Thread.currentThread().interrupt();
            throw new DockerEngineException("interrupted while waiting for Docker at " + address.effectiveHost(),
                    false, e);
        }
    }

    /** The host's CPUs, memory and storage driver; asked once per engine client. */
    public HostResources hostResources() throws DockerEngineException {
        HostResources known = host;
        if (known != null) {
            return known;
        }
        try {
            Info info = call(() -> client.infoCmd().exec());
            Map<String, String> status = new java.util.LinkedHashMap<>();
            if (info.getDriverStatuses() != null) {
                for (List<String> pair : info.getDriverStatuses()) {
                    if (pair != null && pair.size() == 2 && pair.get(0) != null && pair.get(1) != null) {
                        status.put(pair.get(0), pair.get(1));
                    }
                }
            }
            known = new HostResources(info.getNCPU() == null ? 1 : info.getNCPU(),
                    info.getMemTotal() == null ? 0 : info.getMemTotal(), info.getDriver(), status);
            host = known;
            return known;
        } catch (RuntimeException e) {
            throw unavailable(e);
        }
    }

    public List<LocalImage> listImages() throws DockerEngineException {
        try {
            List<LocalImage> images = new ArrayList<>();
            for (Image image : call(() -> client.listImagesCmd().exec())) {
                String[] tags = image.getRepoTags();
                images.add(new LocalImage(image.getId(), tags == null ? List.of() : Arrays.asList(tags),
                        image.getSize() == null ? 0 : image.getSize(),
                        image.getCreated() == null ? 0 : image.getCreated()));
            }
            return images;
        } catch (RuntimeException e) {
            throw unavailable(e);
        }
    }

    public boolean imageExists(String reference) throws DockerEngineException {
        try {
            call(() -> client.inspectImageCmd(reference).exec());
            return true;
        } catch (NotFoundException e) {
            return false;
        } catch (RuntimeException e) {
            throw unavailable(e);
        }
    }

    /** The local id of an image, or null when there is no such image. */
    public String imageId(String reference) throws DockerEngineException {
        try {
            return call(() -> client.inspectImageCmd(reference).exec()).getId();
        } catch (NotFoundException e) {
            return null;
        } catch (RuntimeException e) {
            throw unavailable(e);
        }
    }

    /** The id of a local image carrying the label with that value, or null. */
    public String findImageByLabel(String label, String value) throws DockerEngineException {
        try {
            List<Image> images = call(() -> client.listImagesCmd().withLabelFilter(Map.of(label, value)).exec());
            return images.isEmpty() ? null : images.getFirst().getId();
        } catch (RuntimeException e) {
            throw unavailable(e);
        }
    }

    /**
     * Builds an image from a tar build context, streaming each line of the build output to
     * {@code log}. Returns the image id; a failed build throws with the whole output.
     */
    public String buildImage(InputStream context, String tag, Map<String, String> labels, Consumer<String> log,
                             Duration timeout) throws DockerEngineException, ImageBuildException, InterruptedException {
        StringBuilder output = new StringBuilder();
        Consumer<String> keep = line -> {
            synchronized (output) {
                output.append(line);
            }
            log.accept(line);
        };
        BuildImageResultCallback callback = new BuildImageResultCallback() {
            @Override
            public void onNext(BuildResponseItem item) {
                if (item.getStream() != null) {
                    keep.accept(item.getStream());
                } else if (item.getStatus() != null) {
                    keep.accept(item.getStatus() + "\n");
                }
                if (item.getErrorDetail() != null && item.getErrorDetail().getMessage() != null) {
                    keep.accept("ERROR: " + item.getErrorDetail().getMessage() + "\n");
                }
                super.onNext(item);
            }
        };
        try {
            streaming.buildImageCmd().withTarInputStream(context).withTags(Set.of(tag)).withLabels(labels)
                    .withRemove(true).withForcerm(true).exec(callback);
            try {
                String shortId = callback.awaitImageId(timeout.toMillis(), TimeUnit.MILLISECONDS);
                // The build answers with a short id; every other call speaks in full ones.
                return call(() -> client.inspectImageCmd(shortId).exec()).getId();
            } catch (DockerClientException e) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedException("image build of " + tag + " cancelled");
                }
                String why = e.getMessage() == null ? "the build failed" : e.getMessage().strip();
                String text;
                synchronized (output) {
                    text = output.toString();
                }
                throw new ImageBuildException("building " + tag + " failed: " + why, text, e);
            }
        } catch (RuntimeException e) {
            throw unavailable(e);
        } finally {
            try {
                callback.close();
            } catch (IOException ignored) {
                // the stream is done either way
            }
        }
    }

    /** Unpacks a tar stream into a container below {@code remotePath} (which must exist). */
    public void copyToContainer(String containerId, InputStream tar, String remotePath) throws DockerEngineException {
        try {
            call(() -> client.copyArchiveToContainerCmd(containerId).withTarInputStream(tar).withRemotePath(remotePath).exec());
        } catch (RuntimeException e) {
            throw unavailable(e);
        }
    }

    /** A tar stream of a path in a container (the caller closes it), or null when the path does not exist. */
    public InputStream copyFromContainer(String containerId, String path) throws DockerEngineException {
        try {
            return call(() -> client.copyArchiveFromContainerCmd(containerId, path).exec());
        } catch (NotFoundException e) {
            return null;
        } catch (RuntimeException e) {
            throw unavailable(e);
        }
    }

    /** What changed in the container's filesystem since it was created (docker diff). */
    public List<FileChange> diff(String containerId) throws DockerEngineException {
        try {
            List<ChangeLog> changes = call(() -> client.containerDiffCmd(containerId).exec());
            List<FileChange> result = new ArrayList<>(changes == null ? 0 : changes.size());
            if (changes != null) {
                for (ChangeLog change : changes) {
                    result.add(new FileChange(change.getPath(), FileChange.Kind.of(change.getKind())));
                }
            }
            return result;
        } catch (RuntimeException e) {
            throw unavailable(e);
        }
    }

    /**
     * Creates (does not start) a container; returns its id. Every container is hardened beyond
     * Docker's defaults: all capabilities dropped but {@link #KEPT_CAPABILITIES}, and
     * {@link #NO_NEW_PRIVILEGES}.
     */
    public String createContainer(ContainerSpec spec) throws DockerEngineException {
        HostConfig host = HostConfig.newHostConfig()
                .withPrivileged(false)
                .withCapDrop(Capability.ALL)
                .withCapAdd(KEPT_CAPABILITIES.toArray(Capability[]::new))
                .withSecurityOpts(List.of(NO_NEW_PRIVILEGES))
                .withNetworkMode(spec.networkEnabled() ? "bridge" : "none")
                .withInit(spec.init());
        if (spec.memoryBytes() > 0) {
            host.withMemory(spec.memoryBytes()).withMemorySwap(spec.memoryBytes());
        }
        if (spec.cpus() > 0) {
            host.withNanoCPUs((long) (spec.cpus() * 1_000_000_000L));
        }
        if (spec.pidsLimit() > 0) {
            host.withPidsLimit(spec.pidsLimit());
        }
        Map<String, String> labels = new java.util.HashMap<>(spec.labels());
        labels.put(MANAGED_LABEL, "true");
        labels.putIfAbsent(OWNER_LABEL, ContainerOwner.current().label());
        try (CreateContainerCmd command = client.createContainerCmd(spec.image())) {
            command.withLabels(labels).withHostConfig(host).withNetworkDisabled(!spec.networkEnabled());
            if (!spec.command().isEmpty()) {
                command.withCmd(spec.command());
            }
            if (spec.workingDir() != null) {
                command.withWorkingDir(spec.workingDir());
            }
            if (!spec.env().isEmpty()) {
                command.withEnv(spec.env());
            }
            return call(command::exec).getId();
        } catch (RuntimeException e) {
            throw unavailable(e);
        }
    }

    public void start(String containerId) throws DockerEngineException {
        try {
            call(() -> client.startContainerCmd(containerId).exec());
        } catch (RuntimeException e) {
            throw unavailable(e);
        }
    }

    /**
     * Runs a command in a running container and waits at most {@code timeout} for it.
     * Output is kept in memory: this is for short commands; streaming sessions use their own path.
     */
    public ExecResult exec(String containerId, List<String> command, Duration timeout)
            throws DockerEngineException, InterruptedException {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        try {
            ExecCreateCmdResponse created = call(() -> client.execCreateCmd(containerId)
                    .withCmd(command.toArray(String[]::new))
                    .withAttachStdout(true)
                    .withAttachStderr(true)
                    .exec());
            ResultCallback.Adapter<Frame> callback = new ResultCallback.Adapter<>() {
                @Override
                public void onNext(Frame frame) {
                    byte[] payload = frame.getPayload();
                    switch (frame.getStreamType()) {
                        case STDERR -> stderr.writeBytes(payload);
                        default -> stdout.writeBytes(payload);
                    }
                }
            };
            try (ResultCallback.Adapter<Frame> running = streaming.execStartCmd(created.getId()).exec(callback)) {
                boolean finished = running.awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS);
                if (!finished) {
                    return new ExecResult(null, text(stdout), text(stderr), true);
                }
            } catch (IOException e) {
                throw new DockerEngineException("exec in " + containerId + " failed: " + e.getMessage(), false, e);
            }
            Long exitCode = call(() -> client.inspectExecCmd(created.getId()).exec()).getExitCodeLong();
            return new ExecResult(exitCode == null ? null : exitCode.intValue(), text(stdout), text(stderr), false);
        } catch (RuntimeException e) {
            throw unavailable(e);
        }
    }

    /** Removes a container whatever its state; a container that is already gone is fine. */
    public void remove(String containerId) throws DockerEngineException {
        try {
            call(() -> client.removeContainerCmd(containerId).withForce(true).withRemoveVolumes(true).exec());
        } catch (NotFoundException e) {
            // already gone
        } catch (RuntimeException e) {
            throw unavailable(e);
        }
    }

    /** Ids of the app's containers, running or not. */
    public List<String> managedContainers() throws DockerEngineException {
        return managedContainerLabels().keySet().stream().toList();
    }

    /** The containers this app process made and has not removed yet (other processes' are left out). */
    public List<String> ownContainers() throws DockerEngineException {
        String self = ContainerOwner.current().label();
        return managedContainerLabels().entrySet().stream()
                .filter(container -> self.equals(container.getValue().get(OWNER_LABEL)))
                .map(Map.Entry::getKey)
                .toList();
    }

    /** The app's containers, running or not, with their labels (id -> labels). */
    public Map<String, Map<String, String>> managedContainerLabels() throws DockerEngineException {
        try {
            Map<String, Map<String, String>> containers = new java.util.LinkedHashMap<>();
            for (Container container : call(() -> client.listContainersCmd().withShowAll(true)
                    .withLabelFilter(Map.of(MANAGED_LABEL, "true")).exec())) {
                containers.put(container.getId(), container.getLabels() == null ? Map.of() : container.getLabels());
            }
            return containers;
        } catch (RuntimeException e) {
            throw unavailable(e);
        }
    }

    /**
     * docker-java itself, for the rollout code that needs calls this class does not wrap yet.
     * Its calls give up after {@link Timeouts#call()}; use {@link #streamingClient()} for streams
     * that may stay quiet longer (builds, a command's output).
     */
    public DockerClient client() {
        return client;
    }

    /** docker-java without a response timeout, for long quiet streams; the caller bounds them itself. */
    public DockerClient streamingClient() {
        return streaming;
    }

    /** The exception for a failed call made outside this class, with what was being done. */
    DockerEngineException refused(String what, RuntimeException e) {
        DockerEngineException translated = unavailable(e);
        return translated.isUnreachable() ? translated
                : new DockerEngineException(what + ": " + translated.getMessage(), false, e);
    }

    private DockerEngineException silent(Duration waited, Throwable cause) {
        return new DockerEngineException("Docker at " + address.effectiveHost() + " did not answer within "
                + waited.toSeconds() + " s: the engine accepted the connection but sent no response. Check that it "
                + "is healthy (docker info), restart it, or set another Docker host in Settings.", true, cause);
    }

    private DockerEngineException unavailable(RuntimeException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof java.net.SocketTimeoutException
                    || cause instanceof java.util.concurrent.TimeoutException) {
                return silent(timeouts.call(), e);
            }
        }
        if (e instanceof com.github.dockerjava.api.exception.DockerException docker) {
            // The engine answered: the request itself was refused. Keep the engine's own words.
            return new DockerEngineException("Docker refused the request: " + docker.getMessage().strip(), false, e);
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String why = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return new DockerEngineException("Docker is not reachable at " + address.effectiveHost() + " (" + why
                + "). Start the Docker engine (on Debian: sudo scripts/docker-setup.sh) or set the Docker host "
                + "in Settings.", true, e);
    }

    private static String text(ByteArrayOutputStream bytes) {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        for (DockerClient each : List.of(client, streaming)) {
            try {
                each.close();
            } catch (IOException ignored) {
                // the transport closes its sockets regardless
            }
        }
    }
}
