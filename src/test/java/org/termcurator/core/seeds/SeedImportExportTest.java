package org.termcurator.core.seeds;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.termcurator.core.jobs.JobContext;
import org.termcurator.core.project.ProjectDb;

class SeedImportExportTest {

    @TempDir
    Path dir;

    private ProjectDb db;
    private SeedStore seeds;
    private SeedImporter importer;

    @BeforeEach
    void open() throws Exception {
        db = ProjectDb.create(dir.resolve("p.curator"));
        seeds = new SeedStore(db);
        importer = new SeedImporter(seeds);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void jsonlImportStoresGoodRowsAndReportsBadOnesAndDuplicatesByLine() throws Exception {
        Path file = dir.resolve("seeds.jsonl");
        Files.writeString(file, """
                {"id": "p1", "prompt": "Sort a CSV by its third column.", "solution": "sort -t, -k3 f.csv", "tags": ["csv", "sort"], "category": "data processing"}
                {"id": "p2", "prompt": "Find the largest file under /var.", "status": "used"}
                this is not json
                {"id": "p3", "prompt": "SORT a csv by its third column!!"}
                {"id": "p4", "prompt": "   "}
                {"id": "p5", "prompt": "Bisect a regression.", "status": "maybe"}

                [1, 2]
                """);

        SeedImporter.Report report = importer.importFile(file, JobContext.unobserved());

        assertThat(report.imported()).hasSize(2);
        assertThat(report.mapping().fields()).containsEntry("prompt", SeedField.PROBLEM)
                .containsEntry("solution", SeedField.REFERENCE_SOLUTION).containsEntry("id", SeedField.SOURCE_ID)
                .containsEntry("category", SeedField.DOMAIN).containsEntry("tags", SeedField.TAGS);
        assertThat(report.duplicates()).singleElement().satisfies(duplicate -> {
            assertThat(duplicate.line()).isEqualTo(4);
            assertThat(duplicate.reason()).isEqualTo("same problem as line 1");
        });
        assertThat(report.errors()).extracting(ImportProblem::line).containsExactly(3, 8, 5, 6);
        assertThat(report.errors()).extracting(ImportProblem::toString).anySatisfy(text ->
                assertThat(text).startsWith(file + ":6: column 'status': unknown seed status 'maybe'"));
        Seed first = seeds.find(report.importedIds().getFirst()).orElseThrow();
        assertThat(first.tags()).containsExactly("csv", "sort");
        assertThat(first.referenceSolution()).isEqualTo("sort -t, -k3 f.csv");
        assertThat(first.sourceId()).isEqualTo("p1");

        SeedImporter.Report again = importer.importFile(file, JobContext.unobserved());
        assertThat(again.imported()).isEmpty();
        assertThat(again.duplicates()).extracting(SeedImporter.Duplicate::existingSeedId)
                .contains(first.id());
        assertThat(seeds.count()).isEqualTo(2);
    }

    @Test
    void csvWithOddHeadersIsMappedByHandAndQuotedFieldsSurvive() throws Exception {
        Path file = dir.resolve("seeds.csv");
        Files.writeString(file, "Problem Text,Area,Ref,origin,extra\r\n"
                + "\"Parse a CSV with \"\"quoted\"\", multi-line\nfields.\",data processing,\"python3 -c 'import csv'\",kaggle,x\r\n"
                + "Rotate logs,system administration,,,y\r\n");

        SeedFile source = SeedFile.read(file);
        ColumnMapping suggested = ColumnMapping.suggest(source.columns());
        assertThat(suggested.fields()).containsEntry("Area", SeedField.DOMAIN).containsEntry("origin", SeedField.SOURCE_DATASET)
                .doesNotContainKey("Problem Text");

        ColumnMapping mapping = ColumnMapping.parse("Problem Text=problem,Ref=reference_solution,extra=-", source.columns());
        SeedImporter.Report report = importer.importRows(source, mapping, JobContext.unobserved());

        assertThat(report.errors()).isEmpty();
        assertThat(report.ignoredColumns()).containsExactly("extra");
        List<Seed> stored = seeds.list(SeedQuery.all());
        assertThat(stored).extracting(Seed::problem)
                .containsExactly("Parse a CSV with \"quoted\", multi-line\nfields.", "Rotate logs");
        assertThat(stored.getFirst().referenceSolution()).isEqualTo("python3 -c 'import csv'");
        assertThat(stored.getLast().referenceSolution()).isNull();
        assertThat(stored.getLast().domain()).isEqualTo("system administration");
    }

    @Test
    void fileWithNoProblemColumnIsRefusedWithAHint() throws Exception {
        Path file = dir.resolve("odd.csv");
        Files.writeString(file, "body,lang\nhello,en\n");
        SeedImporter.Report report = importer.importFile(file, JobContext.unobserved());
        assertThat(report.imported()).isEmpty();
        assertThat(report.errors()).singleElement().asString().contains("no column is mapped to the problem text")
                .contains("--mapping body=problem");
        assertThat(importer.importFile(file, "body=problem", JobContext.unobserved()).imported()).hasSize(1);
    }

    @Test
    void exportThenImportGivesTheSameSeedsInJsonlAndCsv() throws Exception {
        List<Seed> originals = List.of(
                Seed.of("Line one\nline two, with \"quotes\"\tand a tab").withTitle("T1").withDomain("security")
                        .withReferenceSolution("openssl s_client -connect host:443").withSource("ds", "1", "MIT")
                        .withTags(List.of("tls", "net")).withStatus(SeedStatus.USED).withNotes("n, 1"),
                Seed.of("Second problem").withStatus(SeedStatus.REJECTED),
                Seed.of("Third — ünïcödé ✓").withTags(List.of("x")));
        seeds.insertAll(originals);
        for (String name : List.of("out.jsonl", "out.csv", "out.tsv")) {
            Path file = dir.resolve(name);
            SeedExporter.write(file, seeds.list(SeedQuery.all()));
            try (ProjectDb other = ProjectDb.create(dir.resolve("copy-" + name + ".curator"))) {
                SeedStore copy = new SeedStore(other);
                SeedImporter.Report report = new SeedImporter(copy).importFile(file, JobContext.unobserved());
                assertThat(report.errors()).as(name).isEmpty();
                assertThat(copy.list(SeedQuery.all())).extracting(Seed::content).as(name)
                        .containsExactlyElementsOf(originals.stream().map(Seed::content).toList());
            }
        }
    }

    @Test
    void unterminatedQuoteIsReportedWithTheLineItStarts() throws Exception {
        Path file = dir.resolve("broken.csv");
        Files.writeString(file, "problem\nok\n\"never closed\nmore\n");
        SeedImporter.Report report = importer.importFile(file, JobContext.unobserved());
        assertThat(report.errors()).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(3);
            assertThat(problem.message()).contains("never closed");
        });
        assertThat(report.imported()).extracting(Seed::problem).as("the rows before it are fine").containsExactly("ok");
    }
}
