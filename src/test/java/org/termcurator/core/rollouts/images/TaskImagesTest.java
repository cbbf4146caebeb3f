package org.termcurator.core.rollouts.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.termcurator.core.docker.DockerEngine;
import org.termcurator.core.docker.DockerTestSupport;
import org.termcurator.core.docker.ImageBuildException;
import org.termcurator.core.rollouts.SampleTasks;
import org.termcurator.core.rollouts.task.RolloutTaskSpec;

@Tag("docker")
class TaskImagesTest {

    @TempDir
    Path dir;

    private DockerEngine engine;
    private TaskImages images;
    private final List<String> built = new ArrayList<>();

    @BeforeEach
    void connect() throws Exception {
        engine = DockerTestSupport.engineOrSkip();
        DockerTestSupport.requireImage(engine, DockerTestSupport.BUSYBOX_IMAGE);
        images = new TaskImages(engine);
    }

    @AfterEach
    void removeBuiltImages() {
        if (engine != null) {
            for (String id : built) {
                try {
                    engine.client().removeImageCmd(id).withForce(true).exec();
                } catch (RuntimeException ignored) {
                    // already gone
                }
            }
            engine.close();
        }
    }

    /** A task whose context is unique to this test run, so the first ensure really builds. */
    private Path uniqueTask(String dockerfile) throws Exception {
        Path task = SampleTasks.minimal(dir, "unique-task", "", dockerfile, "exit 0\n", "exit 0\n");
        Files.writeString(task.resolve("environment/marker.txt"), UUID.randomUUID().toString());
        return task;
    }

    @Test
    void anUnchangedTaskIsBuiltOnceAndThenTakenFromTheCache() throws Exception {
        Path task = uniqueTask("FROM " + DockerTestSupport.BUSYBOX_IMAGE + "\nCOPY marker.txt /marker.txt\n");
        List<String> streamed = new ArrayList<>();
        RolloutTaskSpec spec = RolloutTaskSpec.fromTaskDir(task);

        TaskImage first = images.ensure(spec, BaseImageMap.empty(), streamed::add);
        built.add(first.id());
        assertThat(first.cached()).isFalse();
        assertThat(first.reference()).startsWith("curator-task/unique-task:").endsWith(first.contextSha256().substring(0, 12));
        assertThat(String.join("", streamed)).contains("COPY marker.txt /marker.txt");
        assertThat(first.log()).isEqualTo(String.join("", streamed));
        assertThat(engine.client().inspectImageCmd(first.id()).exec().getConfig().getLabels())
                .containsEntry(TaskImages.CONTEXT_LABEL, first.contextSha256());

        streamed.clear();
        TaskImage second = images.ensure(RolloutTaskSpec.fromTaskDir(task), BaseImageMap.empty(), streamed::add);
        assertThat(second.cached()).isTrue();
        assertThat(second.id()).isEqualTo(first.id());
        assertThat(streamed).isEmpty();

        Files.writeString(task.resolve("environment/marker.txt"), "changed");
        TaskImage third = images.ensure(RolloutTaskSpec.fromTaskDir(task), BaseImageMap.empty(), line -> { });
        built.add(third.id());
        assertThat(third.cached()).isFalse();
        assertThat(third.contextSha256()).isNotEqualTo(first.contextSha256());
    }

    @Test
    void fromLinesAreRewrittenThroughTheMapWithoutTouchingTheTaskFolder() throws Exception {
        String dockerfile = "FROM ghcr.io/laude-institute/t-bench/ubuntu-24-04:20250624\nCOPY marker.txt /marker.txt\n";
        Path task = uniqueTask(dockerfile);
        BaseImageMap map = BaseImageMap.empty()
                .put("ghcr.io/laude-institute/t-bench/ubuntu-24-04*", DockerTestSupport.BUSYBOX_IMAGE);

        TaskImage image = images.ensure(RolloutTaskSpec.fromTaskDir(task), map, line -> { });
        built.add(image.id());

        assertThat(image.rewrites()).containsExactly(
                "ghcr.io/laude-institute/t-bench/ubuntu-24-04:20250624 -> " + DockerTestSupport.BUSYBOX_IMAGE);
        assertThat(image.log()).contains("base-image map: FROM ghcr.io/laude-institute/t-bench/ubuntu-24-04:20250624");
        assertThat(Files.readString(task.resolve("environment/Dockerfile"))).isEqualTo(dockerfile);
        // The image really is the busybox one: its base layers are busybox's.
        List<String> busyboxLayers = engine.client().inspectImageCmd(DockerTestSupport.BUSYBOX_IMAGE).exec()
                .getRootFS().getLayers();
        assertThat(engine.client().inspectImageCmd(image.id()).exec().getRootFS().getLayers())
                .startsWith(busyboxLayers.toArray(String[]::new));
    }

    @Test
    void aFailingBuildIsReportedWithItsLog() throws Exception {
        Path task = uniqueTask("FROM " + DockerTestSupport.BUSYBOX_IMAGE + "\nRUN echo about-to-fail && exit 7\n");
        assertThatThrownBy(() -> images.ensure(RolloutTaskSpec.fromTaskDir(task), BaseImageMap.empty(), line -> { }))
                .isInstanceOfSatisfying(ImageBuildException.class, e -> {
                    assertThat(e.getMessage()).contains("building curator-task/unique-task");
                    assertThat(e.log()).contains("about-to-fail");
                });
    }

    @Test
    void aMissingBaseImageFailsFastWithAHint() throws Exception {
        Path task = uniqueTask("FROM ubuntu:24.04\n");
        assertThatThrownBy(() -> images.ensure(RolloutTaskSpec.fromTaskDir(task), BaseImageMap.empty(), line -> { }))
                .isInstanceOf(ImageBuildException.class)
                .hasMessageContaining("base image ubuntu:24.04 is not available locally")
                .hasMessageContaining("--image-map 'ubuntu:24.04=IMAGE'");
    }

    @Test
    void aLocalDockerImageNamedByTheTaskIsUsedAsItIs() throws Exception {
        Path task = SampleTasks.minimal(dir, "prebuilt",
                "[environment]\ndocker_image = \"" + DockerTestSupport.BUSYBOX_IMAGE + "\"\n",
                "FROM nothing-to-build-here\n", "exit 0\n", "exit 0\n");
        TaskImage image = images.ensure(RolloutTaskSpec.fromTaskDir(task), BaseImageMap.empty(), line -> { });
        assertThat(image.cached()).isTrue();
        assertThat(image.reference()).isEqualTo(DockerTestSupport.BUSYBOX_IMAGE);
        assertThat(image.id()).isEqualTo(engine.imageId(DockerTestSupport.BUSYBOX_IMAGE));
    }
}
