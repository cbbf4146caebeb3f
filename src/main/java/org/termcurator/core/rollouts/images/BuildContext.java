package org.termcurator.core.rollouts.images;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.termcurator.core.docker.TarArchives;
import org.termcurator.core.rollouts.task.TaskSpecException;

/**
 * A task's environment/ folder as a Docker build context: its content hash (the image cache
 * key) and its tar stream. The Dockerfile is rewritten through the base-image map inside the
 * stream only; the task folder itself is never modified.
 */
final class BuildContext {

    static final String DOCKERFILE = "Dockerfile";
    /** Bump when what goes into the hash changes, so old cache entries stop matching. */
    private static final String HASH_VERSION = "curator-build-context/1";

    private final Path dir;
    private final BaseImageMap.Rewrite rewrite;
    private final String sha256;

    private BuildContext(Path dir, BaseImageMap.Rewrite rewrite, String sha256) {
        this.dir = dir;
        this.rewrite = rewrite;
        this.sha256 = sha256;
    }

    /**
     * Reads and hashes the folder. {@code baseImageIds} gives the local id of a base image (or
     * null): it is part of the hash, so re-importing a base image rebuilds the tasks on it.
     */
    static BuildContext of(Path environmentDir, BaseImageMap map, java.util.function.Function<String, String> baseImageIds)
            throws IOException, TaskSpecException {
        Path dir = environmentDir.toAbsolutePath().normalize();
        Path dockerfile = dir.resolve(DOCKERFILE);
        if (!Files.isRegularFile(dockerfile)) {
            String why = Files.exists(dir.resolve("docker-compose.yaml")) || Files.exists(dir.resolve("docker-compose.yml"))
                    ? " (docker-compose environments are not supported by local rollouts)" : "";
            throw new TaskSpecException(dockerfile + " is missing" + why);
        }
        BaseImageMap.Rewrite rewrite = map.rewrite(Files.readString(dockerfile));
        MessageDigest digest = newDigest();
        digest.update((HASH_VERSION + "\n").getBytes(StandardCharsets.UTF_8));
        for (Path relative : TarArchives.listTree(dir)) {
            Path file = dir.resolve(relative);
            String name = TarArchives.slashed(relative);
            if (Files.isSymbolicLink(file)) {
                line(digest, "link " + name + " -> " + Files.readSymbolicLink(file));
            } else if (Files.isDirectory(file)) {
                line(digest, "dir " + name + " " + Integer.toOctalString(TarArchives.mode(file, true)));
            } else if (Files.isRegularFile(file)) {
                line(digest, "file " + name + " " + Integer.toOctalString(TarArchives.mode(file, false)));
                if (name.equals(DOCKERFILE)) {
                    digest.update(rewrite.dockerfile().getBytes(StandardCharsets.UTF_8));
                } else {
                    try (InputStream in = Files.newInputStream(file);
                         OutputStream sink = new DigestOutputStream(OutputStream.nullOutputStream(), digest)) {
                        in.transferTo(sink);
                    }
                }
                line(digest, "");
            }
        }
        for (String base : rewrite.baseImages()) {
            line(digest, "base " + base + " " + baseImageIds.apply(base));
        }
        return new BuildContext(dir, rewrite, HexFormat.of().formatHex(digest.digest()));
    }

    String sha256() {
        return sha256;
    }

    BaseImageMap.Rewrite rewrite() {
        return rewrite;
    }

    List<String> baseImages() {
        return rewrite.baseImages();
    }

    void writeTar(OutputStream out) throws IOException {
        TarArchives.writeTree(dir, "", Map.of(DOCKERFILE, rewrite.dockerfile().getBytes(StandardCharsets.UTF_8)), out);
    }

    private static void line(MessageDigest digest, String text) {
        digest.update((text + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
