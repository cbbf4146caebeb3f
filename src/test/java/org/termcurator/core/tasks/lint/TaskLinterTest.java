package org.termcurator.core.tasks.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.termcurator.core.tasks.TaskFolders;

/** One test per per-task rule: the rule fires on the fault and stays quiet on the fixed task. */
class TaskLinterTest {

    private static final Path PARENT = Path.of("/tasks");
    private static final LintContext LOCAL = new LintContext(Set.of("curator/debian:bookworm"), true, Map.of());

    private static List<LintFinding> lint(TaskFolders task) throws Exception {
        return TaskLinter.lint(task.assemble(), LOCAL);
    }

    private static TaskFolders valid() {
        return TaskFolders.harbor(PARENT, "valid");
    }

    @Test
    void aWellMadeTaskHasNoFinding() throws Exception {
        assertThat(lint(valid())).isEmpty();
        assertThat(lint(TaskFolders.terminalBench1(PARENT, "tb1"))).extracting(LintFinding::rule)
                .containsExactly(LintRule.UNKNOWN_BASE_IMAGE); // python:3.12-slim is not local here
    }

    @Test
    void missingTestScriptIsAnError() throws Exception {
        List<LintFinding> findings = lint(valid().without("tests/test.sh"));
        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.rule()).isEqualTo(LintRule.MISSING_TESTS);
            assertThat(finding.severity()).isEqualTo(LintSeverity.ERROR);
            assertThat(finding.file()).isEqualTo("tests/test.sh");
        });
        assertThat(lint(TaskFolders.terminalBench1(PARENT, "tb1").without("run-tests.sh")
                .without("tests/test_outputs.py"))).extracting(LintFinding::rule).contains(LintRule.MISSING_TESTS);
    }

    @Test
    void aTestScriptThatNeverWritesARewardFileIsAnError() throws Exception {
        assertThat(lint(valid().file("tests/test.sh", "#!/bin/bash\npytest /tests/test_outputs.py\n")))
                .extracting(LintFinding::rule).containsExactly(LintRule.NO_REWARD_FILE);
        // writing it from a helper under tests/ counts
        assertThat(lint(valid().file("tests/test.sh", "#!/bin/bash\npython3 /tests/check.py\n")
                .file("tests/check.py", "open('/logs/verifier/reward.json', 'w').write('{\"a\": 1}')\n"))).isEmpty();
    }

    @Test
    void aBaseImageNeitherLocalNorMappedIsAWarning() throws Exception {
        TaskFolders remote = valid().file("environment/Dockerfile", "FROM ubuntu:24.04\nRUN true\n");
        List<LintFinding> findings = lint(remote);
        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.rule()).isEqualTo(LintRule.UNKNOWN_BASE_IMAGE);
            assertThat(finding.file()).isEqualTo("environment/Dockerfile");
            assertThat(finding.line()).isEqualTo(1);
            assertThat(finding.message()).contains("ubuntu:24.04").contains("not a local image");
        });
        LintContext mapped = new LintContext(Set.of(), true, Map.of("docker.io/library/ubuntu:24.04", "curator/debian:bookworm"));
        assertThat(TaskLinter.lint(remote.assemble(), mapped)).isEmpty();
        assertThat(TaskLinter.lint(valid().file("environment/Dockerfile", "FROM curator/debian:bookworm\n").assemble(),
                LintContext.withoutDocker(Map.of()))).singleElement()
                .satisfies(finding -> assertThat(finding.message()).contains("Docker was not reachable"));
    }

    @Test
    void copyingTestsOrTheSolutionIntoTheImageIsAnError() throws Exception {
        List<LintFinding> findings = lint(valid().file("environment/Dockerfile",
                "FROM curator/debian:bookworm\nCOPY numbers.txt /app/\nCOPY --chown=root tests/ /tests/\n"));
        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.rule()).isEqualTo(LintRule.TESTS_IN_IMAGE);
            assertThat(finding.line()).isEqualTo(3);
        });
        assertThat(lint(valid().file("environment/Dockerfile", "FROM curator/debian:bookworm\nADD [\"solution/solve.sh\", \"/s\"]\n")))
                .extracting(LintFinding::rule).containsExactly(LintRule.TESTS_IN_IMAGE);
        // Terminal-Bench 1 builds from the task folder, which holds tests/: COPY . copies them in
        assertThat(TaskLinter.lint(TaskFolders.terminalBench1(PARENT, "tb1")
                .file("Dockerfile", "FROM curator/debian:bookworm\nCOPY . /app\n").assemble(), LOCAL))
                .extracting(LintFinding::rule).containsExactly(LintRule.TESTS_IN_IMAGE);
        // copying from another build stage is not copying from the task
        assertThat(lint(valid().file("environment/Dockerfile",
                "FROM curator/debian:bookworm\nCOPY --from=build /src/tests /opt/tests\n"))).isEmpty();
    }

    @Test
    void anInstructionPointingAtSolutionOrTestsIsAWarning() throws Exception {
        List<LintFinding> findings = lint(valid().file("instruction.md", "# Do it\n\nCompare with /solution/solve.sh.\n"));
        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.rule()).isEqualTo(LintRule.INSTRUCTION_MENTIONS_HIDDEN_PATHS);
            assertThat(finding.line()).isEqualTo(3);
        });
        assertThat(lint(valid().file("instruction.md", "Run the checks in /tests before you finish."))).hasSize(1);
        assertThat(lint(valid().file("instruction.md", "Write /app/tests/a.txt and /app/solution.txt."))).isEmpty();
    }

    @Test
    void zeroAndAbsurdTimeoutsAreWarnings() throws Exception {
        String toml = "[agent]\ntimeout_sec = 0\n[verifier]\ntimeout_sec = 9000000\n[environment]\nbuild_timeout_sec = 600\n";
        List<LintFinding> findings = lint(valid().file("task.toml", toml));
        assertThat(findings).extracting(LintFinding::rule).containsExactly(LintRule.BAD_TIMEOUT, LintRule.BAD_TIMEOUT);
        assertThat(findings).extracting(LintFinding::message).satisfiesExactly(
                message -> assertThat(message).contains("agent timeout is 0 s"),
                message -> assertThat(message).contains("verifier timeout is 9,000,000 s"));
    }

    @Test
    void anEmptyInstructionIsAnError() throws Exception {
        assertThat(lint(valid().file("instruction.md", "  \n\n"))).extracting(LintFinding::rule)
                .containsExactly(LintRule.EMPTY_INSTRUCTION);
        assertThat(TaskLinter.lint(TaskFolders.terminalBench1(PARENT, "tb1")
                .file("task.yaml", "instruction: ''\n").assemble(), new LintContext(Set.of("python:3.12-slim"), true, Map.of())))
                .extracting(LintFinding::rule).containsExactly(LintRule.EMPTY_INSTRUCTION);
    }

    @Test
    void imageNamesMatchWhateverWayTheyAreSpelled() {
        assertThat(ImageNames.normalize("ubuntu")).isEqualTo("ubuntu:latest");
        assertThat(ImageNames.normalize("docker.io/library/ubuntu:24.04")).isEqualTo("ubuntu:24.04");
        assertThat(ImageNames.normalize("localhost:5000/x")).isEqualTo("localhost:5000/x:latest");
        assertThat(ImageNames.normalize("ghcr.io/o/i@sha256:abc")).isEqualTo("ghcr.io/o/i@sha256:abc");
    }

    @Test
    void aDockerfileThatDownloadsWhileItsBuildHasNoNetworkIsAWarningNamingTheLine() throws Exception {
        TaskFolders apt = valid().file("environment/Dockerfile", "FROM curator/debian:bookworm\nWORKDIR /app\n"
                + "RUN apt-get update && apt-get install -y jq\n");
        assertThat(lint(apt)).singleElement().satisfies(finding -> {
            assertThat(finding.rule()).isEqualTo(LintRule.BUILD_WITHOUT_NETWORK);
            assertThat(finding.severity()).isEqualTo(LintSeverity.WARNING);
            assertThat(finding.file()).isEqualTo("environment/Dockerfile");
            assertThat(finding.line()).isEqualTo(3);
            assertThat(finding.message()).contains("without network", "apt-get update", "Settings");
        });
        // Settings allow network during builds: quiet
        assertThat(TaskLinter.lint(apt.assemble(), LOCAL.withBuildNetwork(true))).isEmpty();
        // the task allows the internet: its build has a network
        assertThat(lint(apt.file("task.toml", "[environment]\nallow_internet = true\n"))).isEmpty();
        // a RUN that downloads nothing
        assertThat(lint(valid().file("environment/Dockerfile", "FROM curator/debian:bookworm\nRUN mkdir -p /app\n")))
                .isEmpty();
    }
}
