package org.termcurator.core.trajectories;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.termcurator.core.jobs.JobCancelledException;
import org.termcurator.core.jobs.JobContext;
import org.termcurator.core.project.ProjectDb;
import org.termcurator.core.terminus.TerminalCommand;
import org.termcurator.core.verifier.TestResult;
import org.termcurator.core.verifier.TestStatus;

/** Imports of every run format into a real project file. */
class RunImporterTest {

    @TempDir
    Path dir;

    private ProjectDb db;
    private TrajectoryQueries store;

    @BeforeEach
    void open() throws Exception {
        db = ProjectDb.create(dir.resolve("runs.curator"));
        store = new TrajectoryQueries(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private RunImportSummary importPaths(Path... paths) throws SQLException {
        return new RunImporter(db).importPaths(List.of(paths), JobContext.unobserved());
    }

    private TrajectoryRow row(String trialName) throws SQLException {
        return store.page(TrajectoryFilter.all(), 0, 1000).rows().stream()
                .filter(row -> trialName.equals(row.trialName())).findFirst().orElseThrow();
    }

    private TrajectoryDetail detail(String trialName) throws SQLException {
        return store.detail(row(trialName).id()).orElseThrow();
    }

    @Test
    void terminalBenchRunImportsEveryTrialWithTheResolvedCountOfItsResults() throws Exception {
        Path run = Fixtures.copy("tb1-run", dir);
        RunImportSummary summary = importPaths(run);

        assertThat(summary.errors()).isEmpty();
        // three trial folders plus one trial that only the run's results.json names
        assertThat(summary.imported()).isEqualTo(4);
        TrajectoryPage page = store.page(TrajectoryFilter.all(), 0, 100);
        assertThat(page.total()).isEqualTo(4);
        assertThat(page.rows()).filteredOn(row -> Boolean.TRUE.equals(row.resolved())).hasSize(2);
        assertThat(page.rows()).allSatisfy(row -> {
            assertThat(row.agent()).isEqualTo("terminus");
            assertThat(row.model()).isEqualTo("anthropic/claude-sonnet-4");
        });

        TrajectoryDetail solved = detail("fix-permissions.1-of-2");
        assertThat(solved.row().taskName()).isEqualTo("fix-permissions");
        assertThat(solved.attempt()).isEqualTo(1);
        assertThat(solved.inputTokens()).isEqualTo(5123);
        assertThat(solved.steps()).extracting(Step::role)
                .containsExactly("user", "assistant", "user", "assistant", "user", "assistant");
        Step chmod = solved.steps().get(3);
        assertThat(chmod.analysis()).isEqualTo("run.sh is root-owned and not executable.");
        assertThat(chmod.commands()).extracting(TerminalCommand::keystrokes)
                .containsExactly("chmod +x /app/run.sh && chown app:app /app/run.sh\n", "ls -l /app/run.sh\n");
        assertThat(chmod.commands().getFirst().duration()).isEqualTo(5.0);
        assertThat(solved.steps().get(5).taskComplete()).isTrue();
        assertThat(solved.row().turns()).isEqualTo(3);
        assertThat(solved.attachments()).extracting(TrajectoryDetail.AttachmentInfo::name)
                .contains("sessions/agent.cast", "sessions/tests.cast", "sessions/agent.log", "panes/post-agent.txt",
                        "commands.txt");
        TrajectoryDetail.AttachmentInfo cast = solved.attachments().stream()
                .filter(a -> a.name().equals("sessions/agent.cast")).findFirst().orElseThrow();
        assertThat(cast.kind()).isEqualTo(Attachment.Kind.AGENT_CAST);
        assertThat(cast.compression()).isEqualTo("gzip");
        assertThat(cast.hasSeekIndex()).isTrue();
        byte[] original = Files.readAllBytes(run.resolve("2026-11-20__09-15-02/fix-permissions/fix-permissions.1-of-2/sessions/agent.cast"));
        assertThat(store.attachmentData(cast.id())).contains(original);
        assertThat(solved.timings().path("agent").path("seconds").asDouble()).isEqualTo(35.0);

        TrajectoryDetail failed = detail("fix-permissions.2-of-2");
        assertThat(failed.row().resolved()).isFalse();
        assertThat(failed.tests()).containsExactly(
                new TestResult("test_script_is_executable", TestStatus.PASSED, null),
                new TestResult("test_owner_is_app", TestStatus.FAILED, null));
        assertThat(failed.steps().get(1).parseStatus()).isEqualTo(ParseStatus.PARSE_ERROR);
        assertThat(failed.steps().get(2).parseStatus()).isEqualTo(ParseStatus.HARNESS_ERROR);

        TrajectoryDetail resultsOnly = detail("csv-report.1-of-1");
        assertThat(resultsOnly.steps()).isEmpty();
        assertThat(resultsOnly.row().failureMode()).isEqualTo("agent_timeout");
        TrajectoryDetail listedOnly = detail("grep-logs.1-of-1");
        assertThat(listedOnly.row().resolved()).isTrue();
        assertThat(listedOnly.row().sourcePath()).endsWith("results.json#grep-logs.1-of-1");
    }

    @Test
    void aRunOfHundredsOfTrialsHasTheTrialAndResolvedCountsOfItsResultsFiles() throws Exception {
        Path run = dir.resolve("big-run");
        new org.termcurator.bench.RunDataGenerator(7).tb1Run(run, 240, 2048);
        long resolvedInFiles;
        try (var files = Files.walk(run)) {
            resolvedInFiles = files.filter(file -> file.getFileName().toString().equals("results.json"))
                    .map(file -> {
                        try {
                            return Json.read(file).path("is_resolved").asBoolean();
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }).filter(Boolean::booleanValue).count();
        }
        RunImportSummary summary = importPaths(run);
        assertThat(summary.imported()).isEqualTo(240);
        assertThat(summary.failed()).isZero();
        TrajectoryFilter resolved = TrajectoryFilter.all().with(TrajectoryFacet.OUTCOME, "resolved");
        assertThat(resolvedInFiles).isPositive();
        assertThat(store.page(resolved, 0, 1).total()).isEqualTo(resolvedInFiles);
        assertThat(store.page(TrajectoryFilter.all(), 0, 1).total()).isEqualTo(240);
    }

    @Test
    void aBrokenRunMetadataIsReportedButItsTrialsStillImport() throws Exception {
        Path run = Fixtures.copy("tb1-run", dir);
        Path metadata = run.resolve("2026-11-20__09-15-02/run_metadata.json");
        Files.writeString(metadata, "{\"agent_name\": ");
        RunImportSummary summary = importPaths(run);
        assertThat(summary.imported()).isEqualTo(4);
        assertThat(summary.failed()).isZero();
        assertThat(summary.errors()).singleElement().satisfies(error -> {
            assertThat(error.path()).isEqualTo(metadata.toString());
            assertThat(error.message()).startsWith("ignored, its trials import without agent and model");
            assertThat(error.itemFailed()).isFalse();
        });
        assertThat(row("fix-permissions.1-of-2").agent()).isNull();
    }

    @Test
    void commandsTxtBecomesStepsWhenATrialHasNoEpisodeLogs() throws Exception {
        Path run = Fixtures.copy("tb1-run", dir);
        Path trial = run.resolve("2026-11-20__09-15-02/fix-permissions/fix-permissions.1-of-2");
        deleteTree(trial.resolve("agent-logs"));
        importPaths(trial);
        TrajectoryDetail detail = detail("fix-permissions.1-of-2");
        assertThat(detail.steps()).hasSize(3);
        assertThat(detail.steps().get(2).commands()).extracting(TerminalCommand::keystrokes)
                .containsExactly("echo 'done' \\", "Enter");
    }

    @Test
    void harborJobImportsAtifStepsVerifierVerdictsAndExceptions() throws Exception {
        Path job = Fixtures.copy("harbor-job", dir);
        RunImportSummary summary = importPaths(job);
        assertThat(summary.errors()).isEmpty();
        assertThat(summary.imported()).isEqualTo(2);

        TrajectoryDetail counted = detail("count-lines__a1b2c3d");
        assertThat(counted.row().agent()).isEqualTo("terminus-2");
        assertThat(counted.agentVersion()).isEqualTo("2.0.0");
        assertThat(counted.row().model()).isEqualTo("gpt-5-mini");
        assertThat(counted.row().resolved()).isTrue();
        assertThat(counted.row().reward()).isEqualTo(1.0);
        assertThat(counted.cachedTokens()).isEqualTo(9000);
        assertThat(counted.costUsd()).isEqualTo(0.0123);
        assertThat(counted.steps()).extracting(Step::role).containsExactly("system", "assistant", "assistant");
        Step first = counted.steps().get(1);
        assertThat(first.commands()).containsExactly(new TerminalCommand("wc -l < /data/log.txt > /app/count.txt\n", 1.0));
        assertThat(first.observation()).contains("root@box:/app# wc -l");
        assertThat(first.reasoning()).startsWith("wc -l reads stdin");
        assertThat(first.analysis()).isEqualTo("Empty shell in /app.");
        assertThat(first.metrics().get("prompt_tokens").asInt()).isEqualTo(5100);
        assertThat(counted.steps().get(2).taskComplete()).isTrue();
        // steps sit in the recording at their timestamp less the cast's start
        assertThat(counted.steps()).extracting(Step::castTime).containsExactly(1.0, 10.0, 50.0);
        assertThat(counted.tests()).extracting(TestResult::status).containsOnly(TestStatus.PASSED).hasSize(2);
        assertThat(counted.timings().path("agent_execution").path("seconds").asDouble()).isEqualTo(130.0);
        assertThat(counted.attachments()).extracting(TrajectoryDetail.AttachmentInfo::name)
                .contains("agent/recording.cast", "agent/trajectory.summarization-1-summary.json");

        TrajectoryDetail timedOut = detail("parse-logs__e4f5g6h");
        assertThat(timedOut.row().resolved()).isFalse();
        assertThat(timedOut.row().failureMode()).isEqualTo("AgentTimeoutError");
        assertThat(timedOut.exception()).startsWith("AgentTimeoutError: Agent execution timed out");
        assertThat(timedOut.tests()).containsExactly(
                new TestResult("tests/test_outputs.py::test_errors_file_exists", TestStatus.PASSED, null),
                new TestResult("tests/test_outputs.py::test_only_error_lines", TestStatus.FAILED,
                        "AssertionError: 12 lines, expected 9"));
        assertThat(timedOut.rewards()).contains("\"partial\":0.5");
        List<Step> steps = timedOut.steps();
        assertThat(steps.get(1).reasoning()).isEqualTo("grep should do it.");
        assertThat(steps.get(1).parseStatus()).isEqualTo(ParseStatus.OK);
        assertThat(steps.get(3).parseStatus()).isEqualTo(ParseStatus.PARSE_ERROR);
        assertThat(steps.get(4).parseStatus()).isEqualTo(ParseStatus.HARNESS_ERROR);
        // the XML variant of the protocol
        assertThat(steps.get(5).parseStatus()).isEqualTo(ParseStatus.OK);
        assertThat(steps.get(5).commands()).containsExactly(new TerminalCommand("wc -l /app/errors.txt && sleep 600\n", 2.0));
    }

    @Test
    void brokenHarborFilesAreNamedInTheTrialsError() throws Exception {
        Path job = Fixtures.copy("harbor-job", dir);
        Path counted = job.resolve("2026-11-21__10-00-00/count-lines__a1b2c3d");
        Path timedOut = job.resolve("2026-11-21__10-00-00/parse-logs__e4f5g6h");
        Files.writeString(counted.resolve("agent/trajectory.json"), "{\"schema_version\": \"ATIF-v1.4\", \"steps\": {}}");
        Files.writeString(timedOut.resolve("verifier/reward.txt"), "passed\n");
        RunImportSummary summary = importPaths(job);
        assertThat(summary.imported()).isZero();
        assertThat(summary.errors()).extracting(ImportError::path, ImportError::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple(counted.toString(), "agent/trajectory.json: 'steps' is not a list"),
                org.assertj.core.groups.Tuple.tuple(timedOut.toString(), "verifier/reward.txt: not a number: passed"));
    }

    @Test
    void aCommandsTxtLineThatIsNotALiteralBecomesAnUnparsedStepNamingItsLine() throws Exception {
        Path run = Fixtures.copy("tb1-run", dir);
        Path trial = run.resolve("2026-11-20__09-15-02/fix-permissions/fix-permissions.1-of-2");
        deleteTree(trial.resolve("agent-logs"));
        Files.writeString(trial.resolve("commands.txt"), "['ls\\n']\n['unterminated\n");
        importPaths(trial);
        List<Step> steps = detail("fix-permissions.1-of-2").steps();
        assertThat(steps).extracting(Step::parseStatus).containsExactly(ParseStatus.OK, ParseStatus.PARSE_ERROR);
        assertThat(steps.get(1).parseError()).startsWith("commands.txt line 2: unterminated string");
    }

    @Test
    void aSingleHarborTrialFolderImportsOnItsOwn() throws Exception {
        Path job = Fixtures.copy("harbor-job", dir);
        RunImportSummary summary = importPaths(job.resolve("2026-11-21__10-00-00/count-lines__a1b2c3d"));
        assertThat(summary.imported()).isEqualTo(1);
        assertThat(summary.failed()).isZero();
    }

    @Test
    void jsonlRowsImportTheGoodRowsAndNameEachBadLine() throws Exception {
        Path rows = Fixtures.copy("sft/rows.jsonl", dir);
        RunImportSummary summary = importPaths(rows);

        assertThat(summary.imported()).isEqualTo(4);
        assertThat(summary.failed()).isEqualTo(4);
        assertThat(summary.errors()).extracting(ImportError::path)
                .containsExactly(rows + ":3", rows + ":5", rows + ":8", rows + ":9");
        assertThat(summary.errors().get(0).message()).startsWith("invalid JSON");
        assertThat(summary.errors().get(1).message()).contains("no 'conversations' or 'messages'");
        assertThat(summary.errors().get(2).message()).contains("'conversations'");
        assertThat(summary.errors().get(3).message()).isEqualTo("the row is an array, not a JSON object");

        TrajectoryDetail hello = detail("hello-file__x1y2z3a");
        assertThat(hello.row().taskName()).isEqualTo("hello-file");
        assertThat(hello.row().model()).isEqualTo("qwen3-8b");
        assertThat(hello.row().format()).isEqualTo("sft-row");
        assertThat(hello.row().sourcePath()).isEqualTo(rows + "#L1");
        Step thinking = hello.steps().get(1);
        assertThat(thinking.reasoning()).isEqualTo("Simple echo redirect.");
        assertThat(thinking.message()).startsWith("\n{\"analysis\"");
        assertThat(thinking.commands()).containsExactly(new TerminalCommand("echo hello > /app/hello.txt\n", 0.1));
        assertThat(hello.extra().path("row").path("quality").asText()).isEqualTo("kept-column");

        TrajectoryDetail bye = detail("bye-file__q9w8e7r");
        assertThat(bye.steps()).extracting(Step::parseStatus).containsExactly(null, ParseStatus.PARSE_ERROR,
                ParseStatus.HARNESS_ERROR, ParseStatus.OK, ParseStatus.HARNESS_ERROR, ParseStatus.EMPTY);

        List<TrajectoryRow> all = store.page(TrajectoryFilter.all(), 0, 10).rows();
        TrajectoryDetail openai = store.detail(all.get(2).id()).orElseThrow();
        assertThat(openai.steps()).extracting(Step::role).containsExactly("system", "user", "assistant");
        assertThat(openai.steps().get(2).message()).isEqualTo("Use wc -l FILE.");
        assertThat(openai.steps().get(2).parseStatus()).as("plain chat is not marked unparsed").isNull();
        TrajectoryDetail sharegpt = store.detail(all.get(3).id()).orElseThrow();
        assertThat(sharegpt.steps()).extracting(Step::role).containsExactly("system", "user", "assistant");
        assertThat(sharegpt.steps().get(2).message()).isEqualTo("du -sh /var");
        // per-turn fields survive: the original role word and a training weight
        assertThat(sharegpt.steps().get(2).extra().get("from").asText()).isEqualTo("gpt");
        assertThat(sharegpt.steps().get(2).extra().get("weight").decimalValue()).isEqualByComparingTo("1.0");
        assertThat(openai.steps().get(2).extra().at("/content/1/text").asText()).isEqualTo("wc -l FILE.");
    }

    @Test
    void reimportSkipsUnchangedItemsAndUpdatesChangedOnesInPlace() throws Exception {
        Path run = Fixtures.copy("tb1-run", dir);
        Path rows = Fixtures.copy("sft/rows.jsonl", dir);
        RunImportSummary first = importPaths(run, rows);
        assertThat(first.imported()).isEqualTo(8);
        long steps = db.info().counts().get("steps");

        RunImportSummary again = importPaths(run, rows);
        assertThat(again.imported()).isZero();
        assertThat(again.updated()).isZero();
        assertThat(again.unchanged()).isEqualTo(8);
        assertThat(db.info().counts().get("steps")).isEqualTo(steps);

        long id = row("fix-permissions.2-of-2").id();
        Path results = run.resolve("2026-11-20__09-15-02/fix-permissions/fix-permissions.2-of-2/results.json");
        Files.writeString(results, Files.readString(results).replace("\"is_resolved\": false", "\"is_resolved\": true"));
        RunImportSummary changed = importPaths(run, rows);
        assertThat(changed.updated()).isEqualTo(1);
        assertThat(changed.unchanged()).isEqualTo(7);
        assertThat(row("fix-permissions.2-of-2").id()).isEqualTo(id);
        assertThat(row("fix-permissions.2-of-2").resolved()).isTrue();
        assertThat(db.info().counts().get("steps")).isEqualTo(steps);
        assertThat(searchCount("chmod")).as("search entries are replaced, not doubled").isEqualTo(2);
    }

    private long searchCount(String text) throws SQLException {
        StepsSearchIndex.catchUp(db, JobContext.unobserved());
        return db.read(connection -> {
            try (var statement = connection.prepareStatement(
                    "SELECT count(DISTINCT s.trajectory_id) FROM steps_fts f JOIN steps s ON s.id = f.rowid "
                            + "WHERE steps_fts MATCH ?")) {
                statement.setString(1, text);
                try (var rows = statement.executeQuery()) {
                    rows.next();
                    return rows.getLong(1);
                }
            }
        });
    }

    @Test
    void unknownFieldsOfEverySourceSurviveInExtra() throws Exception {
        Path job = Fixtures.copy("harbor-job", dir);
        Path run = Fixtures.copy("tb1-run", dir);
        importPaths(job, run);

        Path trial = job.resolve("2026-11-21__10-00-00/count-lines__a1b2c3d");
        JsonNode atif = Json.read(trial.resolve("agent/trajectory.json"));
        TrajectoryDetail detail = detail("count-lines__a1b2c3d");
        assertThat(detail.extra().get("trajectory.json")).isEqualTo(Json.without(atif, "steps"));
        assertThat(detail.extra().get("result.json")).isEqualTo(Json.read(trial.resolve("result.json")));
        assertThat(detail.extra().at("/result.json/future_field/kept").asBoolean()).isTrue();
        Step step = detail.steps().get(1);
        assertThat(step.extra().get("step_flag").asText()).isEqualTo("unknown-step-field");
        assertThat(step.extra().at("/tool_calls/0/tool_call_id").asText()).isEqualTo("call_1");
        // the stored step can be written back as the ATIF step it came from
        JsonNode original = atif.get("steps").get(1);
        assertThat(AtifSteps.export(step)).isEqualTo(original);

        TrajectoryDetail tb1 = detail("fix-permissions.1-of-2");
        Path results = run.resolve("2026-11-20__09-15-02/fix-permissions/fix-permissions.1-of-2/results.json");
        assertThat(tb1.extra().get("results.json")).isEqualTo(Json.read(results));
    }

    @Test
    void resultFilesOfOtherKindsAreSearchedThroughNotTakenForTrials() throws Exception {
        Path outer = Files.createDirectories(dir.resolve("archive"));
        Files.writeString(outer.resolve("results.json"), "{\"tool\": \"something else\", \"score\": 3}");
        Files.writeString(outer.resolve("result.json"), "{\"id\": \"job-1\", \"started_at\": \"2026-11-21T10:00:00Z\"}");
        Fixtures.copy("harbor-job", outer);
        RunImportSummary summary = importPaths(outer);
        assertThat(summary.imported()).isEqualTo(2);
        assertThat(summary.errors()).isEmpty();
    }

    @Test
    void aHarborTrialWithABrokenResultIsOneFailureNotItsCastAlone() throws Exception {
        Path job = Fixtures.copy("harbor-job", dir);
        Path trial = job.resolve("2026-11-21__10-00-00/count-lines__a1b2c3d");
        Files.writeString(trial.resolve("result.json"), "{\"task_name\": \"count-lines\",");
        RunImportSummary summary = importPaths(job);
        assertThat(summary.imported()).isEqualTo(1);
        assertThat(summary.errors()).singleElement().satisfies(error -> {
            assertThat(error.path()).isEqualTo(trial.toString());
            assertThat(error.message()).startsWith("result.json: invalid JSON");
        });
    }

    @Test
    void aRolloutFolderImportsWithCastTimesAndLinksToItsRollout() throws Exception {
        long rolloutId = db.write(connection -> {
            try (var insert = connection.prepareStatement("INSERT INTO rollouts(id, agent, model, attempt, status, "
                    + "created_at) VALUES (7, 'llm', 'qwen3-8b', 1, 'failed', '2026-11-21T12:00:00.123456Z')")) {
                insert.executeUpdate();
                return 7L;
            }
        });
        Path folder = Fixtures.copy("rollout", dir).resolve("count-lines-llm-1");
        RunImportSummary summary = importPaths(folder.getParent());
        assertThat(summary.errors()).isEmpty();
        assertThat(summary.imported()).as("one trajectory, not its casts on their own").isEqualTo(1);

        TrajectoryDetail rollout = detail("count-lines-llm-1");
        assertThat(rollout.row().format()).isEqualTo("rollout");
        assertThat(rollout.row().agent()).isEqualTo("terminus-style");
        assertThat(rollout.row().resolved()).isFalse();
        assertThat(rollout.row().failureMode()).isEqualTo("agent_timeout");
        assertThat(rollout.exception()).contains("ran out of time");
        assertThat(rollout.inputTokens()).isEqualTo(12000);
        assertThat(rollout.timings().path("agent").path("seconds").asDouble()).isEqualTo(600.2);
        assertThat(rollout.tests()).extracting(TestResult::status).containsExactly(TestStatus.PASSED, TestStatus.FAILED);
        assertThat(rollout.steps()).extracting(Step::parseStatus).containsExactly(null, ParseStatus.PARSE_ERROR, ParseStatus.OK);
        assertThat(rollout.steps().get(2).castTime()).isEqualTo(18.25);
        assertThat(rollout.attachments()).extracting(TrajectoryDetail.AttachmentInfo::name)
                .contains("agent.cast", "tests.cast", "build.log", "logs/verifier/test-stdout.txt");
        long trajectoryId = rollout.row().id();
        List<Long> links = db.read(connection -> {
            try (var select = connection.createStatement().executeQuery(
                    "SELECT r.trajectory_id, t.rollout_id FROM rollouts r JOIN trajectories t ON t.id = r.trajectory_id")) {
                select.next();
                return List.of(select.getLong(1), select.getLong(2));
            }
        });
        assertThat(links).containsExactly(trajectoryId, rolloutId);
    }

    @Test
    void aRolloutTrajectoryBelongsToTheTaskItsRolloutRanEvenWhenAnotherTaskHasTheSameName() throws Exception {
        long ranTask = db.write(connection -> {
            try (var insert = connection.prepareStatement("INSERT INTO tasks(name, source_path, format, instruction, "
                    + "content_hash, created_at, updated_at) VALUES ('count-lines', ?, 'harbor', 'Count.', ?, 'now', 'now')",
                    java.sql.Statement.RETURN_GENERATED_KEYS)) {
                for (String folder : List.of("/elsewhere/count-lines", "/work/tasks/count-lines")) {
                    insert.setString(1, folder);
                    insert.setString(2, folder);
                    insert.executeUpdate();
                }
                try (var keys = insert.getGeneratedKeys()) {
                    keys.next();
                    long second = keys.getLong(1);
                    try (var rollout = connection.prepareStatement("INSERT INTO rollouts(id, task_id, agent, attempt, "
                            + "status, created_at) VALUES (7, ?, 'llm', 1, 'failed', '2026-11-21T12:00:00.123456Z')")) {
                        rollout.setLong(1, second);
                        rollout.executeUpdate();
                    }
                    return second;
                }
            }
        });
        importPaths(Fixtures.copy("rollout", dir));
        long linkedTask = db.read(connection -> {
            try (var select = connection.createStatement().executeQuery("SELECT task_id FROM trajectories")) {
                select.next();
                return select.getLong(1);
            }
        });
        assertThat(linkedTask).isEqualTo(ranTask);
    }

    @Test
    void aRolloutFolderFromAnotherProjectImportsWithoutALink() throws Exception {
        db.write(connection -> {
            try (var insert = connection.prepareStatement("INSERT INTO rollouts(id, agent, attempt, status, created_at) "
                    + "VALUES (7, 'oracle', 1, 'passed', '2026-01-01T00:00:00Z')")) {
                return insert.executeUpdate();
            }
        });
        importPaths(Fixtures.copy("rollout", dir));
        long linked = db.read(connection -> {
            try (var select = connection.createStatement().executeQuery(
                    "SELECT count(*) FROM trajectories WHERE rollout_id IS NOT NULL")) {
                select.next();
                return select.getLong(1);
            }
        });
        assertThat(linked).isZero();
    }

    @Test
    void castsImportAsTrajectoriesOfTheirOwnWithTheirMarkersAsSteps() throws Exception {
        Path casts = Fixtures.copy("casts", dir);
        RunImportSummary summary = importPaths(casts);
        assertThat(summary.imported()).isEqualTo(2);
        TrajectoryDetail v3 = detail("session-v3.cast");
        assertThat(v3.row().format()).isEqualTo("cast");
        assertThat(v3.attachments()).singleElement().satisfies(a -> assertThat(a.kind()).isEqualTo(Attachment.Kind.AGENT_CAST));
        assertThat(v3.steps()).singleElement().satisfies(step -> {
            assertThat(step.role()).isEqualTo("marker");
            assertThat(step.message()).isEqualTo("failure");
            assertThat(step.castTime()).isEqualTo(2.25); // v3 intervals added up
        });
        assertThat(v3.extra().at("/cast/exit_status").asText()).isEqualTo("1");
        assertThat(v3.extra().at("/cast/title").asText()).isEqualTo("pytest run");
        assertThat(v3.timings().at("/recording/seconds").asDouble()).isEqualTo(2.6);
        TrajectoryDetail v2 = detail("session-v2.cast");
        assertThat(v2.steps()).extracting(Step::message, Step::castTime)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("saved", 4.2));
        assertThat(v2.startedAt()).isEqualTo("2025-11-21T10:00:00Z");
    }

    @Test
    void aCastFileWithoutAHeaderIsReportedByPath() throws Exception {
        Path bad = Files.writeString(dir.resolve("broken.cast"), "[0.1, \"o\", \"no header\"]\n");
        RunImportSummary summary = importPaths(bad);
        assertThat(summary.errors()).singleElement().satisfies(error -> {
            assertThat(error.path()).isEqualTo(bad.toString());
            assertThat(error.message()).contains("no cast header");
        });
    }

    @Test
    void pathsThatAreNotRunsAreReportedAndTheRestImports() throws Exception {
        Path rows = Fixtures.copy("sft/rows.jsonl", dir);
        Path notes = Files.writeString(dir.resolve("notes.txt"), "hello");
        Path trial = Files.createDirectories(dir.resolve("broken-trial"));
        Files.writeString(trial.resolve("results.json"), "{\"trial_name\": ");
        RunImportSummary summary = importPaths(dir.resolve("missing"), notes, trial, rows);
        assertThat(summary.imported()).isEqualTo(4);
        assertThat(summary.errors()).extracting(ImportError::path)
                .contains(dir.resolve("missing").toString(), notes.toString(), trial.resolve("results.json").toString());
        assertThat(summary.errors()).filteredOn(e -> e.path().equals(notes.toString()))
                .singleElement().satisfies(e -> assertThat(e.message()).contains("not a run format"));
    }

    @Test
    void cancelLeavesOnlyWholeTrajectories() throws Exception {
        Path run = Fixtures.copy("tb1-run", dir);
        Path job = Fixtures.copy("harbor-job", dir);
        AtomicInteger progressCalls = new AtomicInteger();
        JobContext cancelAfterTwo = new JobContext() {
            @Override
            public void progress(long done, long total) {
                progressCalls.incrementAndGet();
            }

            @Override
            public void message(String message) {
            }

            @Override
            public boolean isCancelled() {
                return progressCalls.get() >= 2;
            }
        };
        assertThatThrownBy(() -> new RunImporter(db).importPaths(List.of(run, job), cancelAfterTwo))
                .isInstanceOf(JobCancelledException.class);
        Map<String, Long> counts = db.info().counts();
        assertThat(counts.get("trajectories")).isEqualTo(2);
        // every stored trajectory has all of its steps
        Map<String, Integer> wholeStepCounts = Map.of("csv-report.1-of-1", 0, "fix-permissions.1-of-2", 6,
                "fix-permissions.2-of-2", 6);
        for (TrajectoryRow row : store.page(TrajectoryFilter.all(), 0, 10).rows()) {
            TrajectoryDetail detail = store.detail(row.id()).orElseThrow();
            assertThat(detail.steps()).hasSize(wholeStepCounts.get(row.trialName()));
        }
    }

    @Test
    void trajectoriesLinkToTheTaskOfTheirName() throws Exception {
        db.write(connection -> {
            try (var insert = connection.prepareStatement("INSERT INTO tasks(name, format, instruction, content_hash, "
                    + "created_at, updated_at) VALUES ('org/count-lines', 'harbor', 'Count lines', 'h', 'now', 'now')")) {
                return insert.executeUpdate();
            }
        });
        importPaths(Fixtures.copy("harbor-job", dir));
        assertThat(detail("count-lines__a1b2c3d").taskId()).isNotNull();
        assertThat(detail("parse-logs__e4f5g6h").taskId()).isNull();

        // a task imported after its runs: linking afterwards finds them
        db.write(connection -> {
            try (var insert = connection.prepareStatement("INSERT INTO tasks(name, format, instruction, content_hash, "
                    + "created_at, updated_at) VALUES ('parse-logs', 'harbor', 'Parse logs', 'h', 'now', 'now')")) {
                return insert.executeUpdate();
            }
        });
        assertThat(db.write(TaskLinks::linkUnlinked)).isEqualTo(1);
        assertThat(detail("parse-logs__e4f5g6h").taskId()).isNotNull();
        assertThat(db.write(TaskLinks::linkUnlinked)).isZero();
    }

    private static void deleteTree(Path root) throws java.io.IOException {
        try (var files = Files.walk(root)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
