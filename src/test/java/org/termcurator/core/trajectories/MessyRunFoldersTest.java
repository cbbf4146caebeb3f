package org.termcurator.core.trajectories;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.termcurator.core.jobs.JobContext;
import org.termcurator.core.project.ProjectDb;

/** Run folders as published runs leave them: copies nested in runs, lost trial folders, lost results. */
class MessyRunFoldersTest {

    private static final String RUN = "2026-11-20__09-15-02";

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

    private List<TrajectoryRow> rows() throws SQLException {
        return store.page(TrajectoryFilter.all(), 0, 1000).rows();
    }

    private TrajectoryDetail detail(String trialName) throws SQLException {
        long id = rows().stream().filter(row -> trialName.equals(row.trialName())).findFirst().orElseThrow().id();
        return store.detail(id).orElseThrow();
    }

    @Test
    void aRunCopiedInsideItselfImportsOnceAndReportsEachCopiedTrial() throws Exception {
        Path run = Fixtures.copy("tb1-run", dir).resolve(RUN);
        Path copy = Fixtures.copy("tb1-run", run.resolve("backup"));

        RunImportSummary summary = importPaths(run);

        assertThat(summary.errors()).isEmpty();
        assertThat(summary.imported()).isEqualTo(4);
        assertThat(rows()).hasSize(4);
        // three trial folders and the one trial only its results.json names
        assertThat(summary.duplicates()).hasSize(4).allSatisfy(duplicate -> {
            assertThat(duplicate.runId()).isEqualTo(RUN);
            assertThat(duplicate.path()).startsWith(copy.toString());
            assertThat(duplicate.sameAs()).startsWith(run.toString()).doesNotStartWith(copy.toString());
        });
        assertThat(summary.duplicates()).extracting(RunImportSummary.Duplicate::trialName).containsExactlyInAnyOrder(
                "fix-permissions.1-of-2", "fix-permissions.2-of-2", "csv-report.1-of-1", "grep-logs.1-of-1");
        assertThat(summary.toMap().get("duplicates")).asList().hasSize(4);
    }

    @Test
    void theSameRunImportedAgainFromAnotherPathIsReportedNotAdded() throws Exception {
        Path first = Fixtures.copy("tb1-run", dir.resolve("downloads"));
        Path second = Fixtures.copy("tb1-run", dir.resolve("elsewhere"));
        // the folder name differs: the run id of run_metadata.json says it is the same run
        Files.move(second.resolve(RUN), second.resolve("renamed-run"));

        assertThat(importPaths(first).imported()).isEqualTo(4);
        RunImportSummary again = importPaths(second);

        assertThat(again.imported()).isZero();
        assertThat(again.duplicates()).hasSize(4)
                .allSatisfy(duplicate -> assertThat(duplicate.sameAs()).startsWith(first.toString()));
        assertThat(rows()).hasSize(4);
        // the first path imported again is no duplicate of itself
        RunImportSummary same = importPaths(first);
        assertThat(same.unchanged()).isEqualTo(4);
        assertThat(same.duplicates()).isEmpty();
    }

    @Test
    void withoutRunMetadataTheRunFolderNameIsTheRunId() throws Exception {
        Path first = Fixtures.copy("tb1-run", dir.resolve("a"));
        Path second = Fixtures.copy("tb1-run", dir.resolve("b"));
        Path third = Fixtures.copy("tb1-run", dir.resolve("c"));
        for (Path copy : List.of(first, second, third)) {
            Files.delete(copy.resolve(RUN).resolve("run_metadata.json"));
        }
        Files.move(third.resolve(RUN), third.resolve("another-run"));

        RunImportSummary summary = importPaths(first, second, third);

        assertThat(summary.imported()).isEqualTo(8);
        assertThat(summary.duplicates()).hasSize(4)
                .allSatisfy(duplicate -> assertThat(duplicate.path()).startsWith(second.toString()));
    }

    @Test
    void runsWithDifferentIdsKeepTrialsOfTheSameName() throws Exception {
        Path first = Fixtures.copy("tb1-run", dir.resolve("a"));
        Path second = Fixtures.copy("tb1-run", dir.resolve("b"));
        Path metadata = second.resolve(RUN).resolve("run_metadata.json");
        Files.writeString(metadata, Files.readString(metadata).replace("\"run_id\": \"" + RUN + "\"",
                "\"run_id\": \"a-second-run\""));

        RunImportSummary summary = importPaths(first, second);

        assertThat(summary.imported()).isEqualTo(8);
        assertThat(summary.duplicates()).isEmpty();
    }

    @Test
    void aTrialOnlyTheRunResultsNameImportsItsOutcomeWithoutARecording() throws Exception {
        Path run = Fixtures.copy("tb1-run", dir).resolve(RUN);
        deleteTree(run.resolve("csv-report"));

        RunImportSummary summary = importPaths(run);

        assertThat(summary.imported()).isEqualTo(4);
        TrajectoryDetail timedOut = detail("csv-report.1-of-1");
        assertThat(timedOut.row().resolved()).isFalse();
        assertThat(timedOut.row().reward()).isEqualTo(0.0);
        assertThat(timedOut.row().failureMode()).isEqualTo("agent_timeout");
        assertThat(timedOut.row().taskName()).isEqualTo("csv-report");
        assertThat(timedOut.attachments()).isEmpty();
        TrajectoryDetail solved = detail("grep-logs.1-of-1");
        assertThat(solved.row().resolved()).isTrue();
        assertThat(solved.row().reward()).isEqualTo(1.0);
    }

    @Test
    void aTrialFolderWithoutResultsKeepsBothRecordingsAsOneTrajectoryOfUnknownOutcome() throws Exception {
        Path run = Fixtures.copy("tb1-run", dir).resolve(RUN);
        Path trial = run.resolve("fix-permissions/fix-permissions.1-of-2");
        Files.delete(trial.resolve("results.json"));
        Files.delete(run.resolve("results.json"));

        RunImportSummary summary = importPaths(run);

        assertThat(summary.errors()).isEmpty();
        assertThat(summary.imported()).isEqualTo(3);
        assertThat(rows()).extracting(TrajectoryRow::format).containsOnly(Tb1TrialReader.FORMAT);
        TrajectoryDetail lost = detail("fix-permissions.1-of-2");
        assertThat(lost.row().taskName()).isEqualTo("fix-permissions");
        assertThat(lost.row().agent()).isEqualTo("terminus");
        assertThat(lost.row().resolved()).isNull();
        assertThat(lost.row().reward()).isNull();
        assertThat(lost.attachments()).extracting(TrajectoryDetail.AttachmentInfo::kind)
                .contains(Attachment.Kind.AGENT_CAST, Attachment.Kind.TESTS_CAST);
    }

    @Test
    void aTrialFolderWithOnlyItsRecordingsImportsOnItsOwn() throws Exception {
        Path run = Fixtures.copy("tb1-run", dir).resolve(RUN);
        Path trial = run.resolve("fix-permissions/fix-permissions.1-of-2");
        Files.delete(trial.resolve("results.json"));

        RunImportSummary summary = importPaths(trial);

        assertThat(summary.imported()).isOne();
        assertThat(detail("fix-permissions.1-of-2").attachments()).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void everyFailureModeAndTheCommandCountAreKept() throws Exception {
        Path run = Fixtures.copy("tb1-run", dir).resolve(RUN);
        Path results = run.resolve("csv-report/csv-report.1-of-1/results.json");
        Files.writeString(results, Files.readString(results).replace("\"failure_mode\": \"agent_timeout\",",
                "\"failure_mode\": [\"unset\", \"agent_timeout\", \"parse_error\"], \"n_commands\": 17,"));

        importPaths(run);

        TrajectoryDetail detail = detail("csv-report.1-of-1");
        assertThat(detail.row().failureMode()).isEqualTo("agent_timeout, parse_error");
        var node = detail.extra();
        assertThat(node.path("n_commands").asLong()).isEqualTo(17);
        assertThat(node.path("failure_modes").toString())
                .isEqualTo("[\"unset\",\"agent_timeout\",\"parse_error\"]");
        assertThat(node.path(RunImporter.RUN_ID).asText()).isEqualTo(RUN);
    }

    @Test
    void aHarborJobIsOneRunByItsJobIdWhereverItLies() throws Exception {
        Path first = Fixtures.copy("harbor-job", dir.resolve("a"));
        Path second = Fixtures.copy("harbor-job", dir.resolve("b"));
        Files.move(second.resolve("2026-11-21__10-00-00"), second.resolve("copied-job"));

        RunImportSummary summary = importPaths(first, second);

        assertThat(summary.imported()).isEqualTo(2);
        assertThat(summary.duplicates()).hasSize(2)
                .allSatisfy(duplicate -> assertThat(duplicate.runId()).isEqualTo("0b9e5a40-job"));
    }

    private static void deleteTree(Path root) throws java.io.IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
