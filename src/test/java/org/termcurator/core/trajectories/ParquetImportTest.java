package org.termcurator.core.trajectories;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.termcurator.core.jobs.JobContext;
import org.termcurator.core.project.ProjectDb;
import org.termcurator.core.terminus.TerminalCommand;

/** SFT rows in Parquet, written here in the shape of the published corpus files. */
class ParquetImportTest {

    @TempDir
    Path dir;

    private static final String ANSWER = "<think>List first.</think>{\"analysis\": \"Empty.\", \"plan\": \"ls\", "
            + "\"commands\": [{\"keystrokes\": \"ls -la\\n\", \"duration\": 0.5}], \"task_complete\": false}";

    @ParameterizedTest
    @EnumSource(value = CompressionCodecName.class, names = {"UNCOMPRESSED", "SNAPPY", "ZSTD"})
    void parquetRowsImportWithNestedConversations(CompressionCodecName codec) throws Exception {
        Path file = dir.resolve("corpus.parquet");
        try (ParquetFixture parquet = new ParquetFixture(file, codec)) {
            parquet.row("list-files", "list-files__abc1234", 1, "user", "Task Description:\nList files", "assistant", ANSWER,
                    "user", "total 0", "assistant", null);
            parquet.row("broken", "broken__zzz9999", 2, "user", "Task", "assistant", "not json at all");
        }
        try (ProjectDb db = ProjectDb.create(dir.resolve("p.curator"))) {
            RunImportSummary summary = new RunImporter(db).importPaths(List.of(file), JobContext.unobserved());
            assertThat(summary.imported()).isEqualTo(2);
            assertThat(summary.errors()).isEmpty();
            TrajectoryQueries store = new TrajectoryQueries(db);
            List<TrajectoryRow> rows = store.page(TrajectoryFilter.all(), 0, 10).rows();
            assertThat(rows).extracting(TrajectoryRow::sourcePath).containsExactly(file + "#row1", file + "#row2");
            TrajectoryDetail first = store.detail(rows.get(0).id()).orElseThrow();
            assertThat(first.row().taskName()).isEqualTo("list-files");
            assertThat(first.row().agent()).isEqualTo("terminus-2");
            assertThat(first.steps()).extracting(Step::parseStatus)
                    .containsExactly(null, ParseStatus.OK, null, ParseStatus.EMPTY);
            assertThat(first.steps().get(1).reasoning()).isEqualTo("List first.");
            assertThat(first.steps().get(1).commands()).containsExactly(new TerminalCommand("ls -la\n", 0.5));
            assertThat(first.extra().at("/row/row_seed").asLong()).isEqualTo(1);
            assertThat(first.extra().at("/row/enable_thinking").asBoolean()).isTrue();
            TrajectoryDetail broken = store.detail(rows.get(1).id()).orElseThrow();
            assertThat(broken.steps().get(1).parseStatus()).isEqualTo(ParseStatus.PARSE_ERROR);

            RunImportSummary again = new RunImporter(db).importPaths(List.of(file), JobContext.unobserved());
            assertThat(again.unchanged()).isEqualTo(2);
        }
    }

    @Test
    void aFileThatIsNotParquetIsReportedByPath() throws Exception {
        Path file = Files.writeString(dir.resolve("fake.parquet"), "PAR1 but not really");
        try (ProjectDb db = ProjectDb.create(dir.resolve("p.curator"))) {
            RunImportSummary summary = new RunImporter(db).importPaths(List.of(file), JobContext.unobserved());
            assertThat(summary.failed()).isEqualTo(1);
            assertThat(summary.errors()).singleElement().satisfies(error -> {
                assertThat(error.path()).isEqualTo(file.toString());
                assertThat(error.message()).contains("Parquet");
            });
        }
    }
}
