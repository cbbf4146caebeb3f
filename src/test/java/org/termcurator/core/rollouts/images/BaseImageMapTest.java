package org.termcurator.core.rollouts.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class BaseImageMapTest {

    private final BaseImageMap map = BaseImageMap.empty()
            .put("ghcr.io/laude-institute/t-bench/ubuntu-24-04*", "curator/debian:bookworm")
            .put("ubuntu:24.04", "local/ubuntu:24.04")
            .put("python:3.1?-slim=local/python:3");

    @Test
    void exactPatternsGlobsAndImplicitLatest() {
        assertThat(map.resolve("ghcr.io/laude-institute/t-bench/ubuntu-24-04:20250624")).isEqualTo("curator/debian:bookworm");
        assertThat(map.resolve("ubuntu:24.04")).isEqualTo("local/ubuntu:24.04");
        assertThat(map.resolve("ubuntu:22.04")).isNull();
        assertThat(map.resolve("python:3.12-slim")).isEqualTo("local/python:3");
        assertThat(map.resolve("python:3.9-slim")).isNull();
        assertThat(BaseImageMap.of(Map.of("ubuntu:latest", "x")).resolve("ubuntu")).isEqualTo("x");
        assertThat(BaseImageMap.of(Map.of("registry:5000/ubuntu:latest", "x")).resolve("registry:5000/ubuntu"))
                .isEqualTo("x");
    }

    @Test
    void rewritesFromLinesKeepingFlagsStageNamesAndEverythingElse() {
        String dockerfile = """
                # comment FROM ubuntu:24.04
                FROM --platform=linux/amd64 ubuntu:24.04 AS build
                RUN echo FROM ubuntu:24.04
                from build
                FROM ghcr.io/laude-institute/t-bench/ubuntu-24-04:latest
                COPY --from=build /a /a
                """;
        BaseImageMap.Rewrite rewrite = map.rewrite(dockerfile);
        assertThat(rewrite.dockerfile()).isEqualTo("""
                # comment FROM ubuntu:24.04
                FROM --platform=linux/amd64 local/ubuntu:24.04 AS build
                RUN echo FROM ubuntu:24.04
                from build
                FROM curator/debian:bookworm
                COPY --from=build /a /a
                """);
        assertThat(rewrite.changes()).containsExactly("ubuntu:24.04 -> local/ubuntu:24.04",
                "ghcr.io/laude-institute/t-bench/ubuntu-24-04:latest -> curator/debian:bookworm");
        assertThat(rewrite.baseImages()).containsExactly("local/ubuntu:24.04", "curator/debian:bookworm");
    }

    @Test
    void anUnmappedDockerfileIsLeftByteForByte() {
        String dockerfile = "FROM debian:12\r\nRUN true";
        assertThat(map.rewrite(dockerfile).dockerfile()).isEqualTo(dockerfile);
        assertThat(map.rewrite(dockerfile).baseImages()).containsExactly("debian:12");
    }

    @Test
    void malformedAssignmentsAreRefused() {
        assertThatThrownBy(() -> BaseImageMap.empty().put("no-equals-sign"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PATTERN=IMAGE");
        assertThatThrownBy(() -> BaseImageMap.empty().put("ubuntu=")).isInstanceOf(IllegalArgumentException.class);
    }
}
