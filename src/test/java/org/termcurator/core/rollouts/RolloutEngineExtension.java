package org.termcurator.core.rollouts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.termcurator.core.docker.DockerEngine;
import org.termcurator.core.docker.DockerTestSupport;

/**
 * A real Docker engine with the Debian base image for each test (skipped where there is none),
 * and a check after it that this process left no container behind (the engine may be shared
 * with other processes running rollouts at the same time).
 */
public final class RolloutEngineExtension implements BeforeEachCallback, AfterEachCallback {

    private DockerEngine engine;

    public DockerEngine engine() {
        return engine;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        engine = DockerTestSupport.engineOrSkip();
        DockerTestSupport.requireImage(engine, DockerTestSupport.DEBIAN_IMAGE);
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        if (engine != null) {
            try {
                assertThat(engine.ownContainers()).as("containers left behind").isEmpty();
            } finally {
                engine.close();
                engine = null;
            }
        }
    }
}
