package org.termcurator.core.seeds;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.termcurator.core.project.ProjectDb;

class SeedStoreTest {

    @TempDir
    Path dir;

    private ProjectDb db;
    private SeedStore seeds;

    @BeforeEach
    void open() throws Exception {
        db = ProjectDb.create(dir.resolve("p.curator"));
        seeds = new SeedStore(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static Seed sample(String problem) {
        return Seed.of(problem).withTitle("Sample").withDomain("data processing")
                .withReferenceSolution("awk -F, '{print $2}' data.csv").withSource("demo-set", "d-1", "CC-BY-4.0")
                .withTags(List.of("csv", "awk")).withNotes("from the workshop");
    }

    @Test
    void insertedSeedReadsBackWithEveryFieldAndIsFoundByFullText() throws Exception {
        Seed stored = seeds.insert(sample("Extract the second column of a CSV file with quoted fields."));

        assertThat(stored.id()).isNotNull();
        Seed read = seeds.find(stored.id()).orElseThrow();
        assertThat(read).isEqualTo(stored);
        assertThat(read.content()).isEqualTo(sample("Extract the second column of a CSV file with quoted fields.").content());
        assertThat(seeds.list(SeedQuery.text("quoted colu"))).extracting(Seed::id).containsExactly(stored.id());
        assertThat(seeds.list(SeedQuery.text("awk"))).as("tags are indexed").hasSize(1);
        assertThat(seeds.list(SeedQuery.text("kubernetes"))).isEmpty();
        assertThat(seeds.list(SeedQuery.text("\"unbalanced ( AND"))).as("FTS syntax in input is harmless").isEmpty();
    }

    @Test
    void updateAndDeleteKeepTheFullTextIndexInStep() throws Exception {
        Seed stored = seeds.insert(sample("Count the lines of every log file."));
        seeds.update(stored.withProblem("Rotate the nginx logs weekly."));

        assertThat(seeds.list(SeedQuery.text("log file"))).isEmpty();
        assertThat(seeds.list(SeedQuery.text("nginx"))).hasSize(1);
        assertThat(seeds.find(stored.id()).orElseThrow().problem()).isEqualTo("Rotate the nginx logs weekly.");

        seeds.delete(stored.id());
        assertThat(seeds.list(SeedQuery.text("nginx"))).isEmpty();
        assertThat(seeds.count()).isZero();
        long indexed = db.read(c -> {
            try (var rows = c.createStatement().executeQuery("SELECT count(*) FROM seeds_fts")) {
                rows.next();
                return rows.getLong(1);
            }
        });
        assertThat(indexed).isZero();
    }

    @Test
    void bulkEditSetsDomainAddsTagsAndStatusOnlyOnTheChosenSeeds() throws Exception {
        Seed a = seeds.insert(sample("Problem A"));
        Seed b = seeds.insert(sample("Problem B"));
        Seed c = seeds.insert(sample("Problem C"));

        seeds.bulkEdit(List.of(a.id(), b.id()), new BulkEdit("security", List.of("batch-2", "csv"), false, SeedStatus.USED));

        Seed editedA = seeds.find(a.id()).orElseThrow();
        assertThat(editedA.domain()).isEqualTo("security");
        assertThat(editedA.tags()).containsExactly("csv", "awk", "batch-2");
        assertThat(editedA.status()).isEqualTo(SeedStatus.USED);
        assertThat(seeds.find(c.id()).orElseThrow()).isEqualTo(c);
        assertThat(seeds.list(new SeedQuery(null, "security", SeedStatus.USED, 0))).hasSize(2);
    }

    @Test
    void everyChangeIsUndoneByItsInverseAndRedoneByTheInverseOfThat() throws Exception {
        Seed kept = seeds.insert(sample("Keep me"));
        Seed original = seeds.find(kept.id()).orElseThrow();

        SeedChange undoCreate = new SeedChange.Create(sample("New one")).apply(seeds);
        assertThat(seeds.count()).isEqualTo(2);
        SeedChange redoCreate = undoCreate.apply(seeds);
        assertThat(seeds.count()).isEqualTo(1);
        redoCreate.apply(seeds);
        assertThat(seeds.count()).isEqualTo(2);

        SeedChange undoEdit = new SeedChange.Update(original.withProblem("Changed text")).apply(seeds);
        assertThat(seeds.find(kept.id()).orElseThrow().problem()).isEqualTo("Changed text");
        SeedChange redoEdit = undoEdit.apply(seeds);
        assertThat(seeds.find(kept.id()).orElseThrow()).isEqualTo(original);
        assertThat(seeds.list(SeedQuery.text("Changed"))).isEmpty();
        redoEdit.apply(seeds);
        assertThat(seeds.find(kept.id()).orElseThrow().problem()).isEqualTo("Changed text");

        Seed beforeBulk = seeds.find(kept.id()).orElseThrow();
        SeedChange undoBulk = new SeedChange.Bulk(List.of(kept.id()), BulkEdit.status(SeedStatus.REJECTED)).apply(seeds);
        assertThat(seeds.find(kept.id()).orElseThrow().status()).isEqualTo(SeedStatus.REJECTED);
        undoBulk.apply(seeds);
        assertThat(seeds.find(kept.id()).orElseThrow()).isEqualTo(beforeBulk);

        SeedChange undoDelete = SeedChange.Delete.of(List.of(kept.id())).apply(seeds);
        assertThat(seeds.find(kept.id())).isEmpty();
        undoDelete.apply(seeds);
        assertThat(seeds.find(kept.id()).orElseThrow()).as("same id, same content").isEqualTo(beforeBulk);
        assertThat(seeds.list(SeedQuery.text("Changed"))).extracting(Seed::id).containsExactly(kept.id());
    }

    @Test
    void problemHashIgnoresCaseWhiteSpaceAndPunctuation() {
        assertThat(SeedStore.problemHash("Sort the file,   then count!"))
                .isEqualTo(SeedStore.problemHash("sort the file then\ncount"))
                .isNotEqualTo(SeedStore.problemHash("sort the files then count"));
    }
}
