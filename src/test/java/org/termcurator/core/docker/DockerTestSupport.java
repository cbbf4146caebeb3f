package org.termcurator.core.docker;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Docker tests run against the real engine. Where none is reachable they are skipped with
 * the reason, unless CURATOR_REQUIRE_DOCKER=1 (CI) makes that a failure.
 */
public final class DockerTestSupport {

    public static final String BUSYBOX_IMAGE = "curator/busybox:latest";
    public static final String DEBIAN_IMAGE = "curator/debian:bookworm";

    private DockerTestSupport() {
    }

    public static boolean dockerRequired() {
        return "1".equals(System.getenv("CURATOR_REQUIRE_DOCKER"));
    }

    /** An engine that answered a ping, or the test is skipped (failed when Docker is required). */
    public static DockerEngine engineOrSkip() {
        DockerEngine engine = DockerEngine.connect(DockerAddress.local());
        try {
            engine.ping();
            return engine;
        } catch (DockerEngineException e) {
            engine.close();
            String reason = "Docker tests need a reachable engine (run scripts/docker-setup.sh): " + e.getMessage();
            if (dockerRequired()) {
                Assertions.fail("CURATOR_REQUIRE_DOCKER=1 but " + reason);
            }
            Assumptions.abort(reason);
            return null;
        }
    }

    /** Skips (or fails when required) when a local image the test needs is missing. */
    public static void requireImage(DockerEngine engine, String image) throws DockerEngineException {
        if (!engine.imageExists(image)) {
            String reason = "image " + image + " is missing; scripts/docker-setup.sh builds it";
            if (dockerRequired()) {
                Assertions.fail(reason);
            }
            Assumptions.abort(reason);
        }
    }
}
