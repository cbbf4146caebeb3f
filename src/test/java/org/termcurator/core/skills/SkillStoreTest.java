package org.termcurator.core.skills;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.termcurator.core.project.ProjectDb;

class SkillStoreTest {

    @TempDir
    Path dir;

    private ProjectDb db;
    private SkillStore skills;

    @BeforeEach
    void open() throws Exception {
        db = ProjectDb.create(dir.resolve("p.curator"));
        skills = new SkillStore(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static List<String> names(List<SkillTree> trees) {
        return trees.stream().map(tree -> tree.node().name()).toList();
    }

    @Test
    void addRenameDescribeAndDeleteKeepSiblingPositionsDense() throws Exception {
        SkillNode domain = skills.add(null, SkillKind.DOMAIN, "debugging", null, List.of(), 0);
        SkillNode dimension = skills.add(domain.id(), SkillKind.DIMENSION, "systems", "tools", List.of(), 0);
        SkillNode a = skills.add(dimension.id(), SkillKind.SKILL, "use strace", "trace calls", List.of("find a config"), 9);
        SkillNode b = skills.add(dimension.id(), SkillKind.SKILL, "use gdb", null, List.of(), 0);
        skills.add(dimension.id(), SkillKind.SKILL, "read core dumps", null, List.of(), 1);

        SkillTree dim = skills.tree().getFirst().children().getFirst();
        assertThat(names(dim.children())).containsExactly("use gdb", "read core dumps", "use strace");
        assertThat(dim.children()).extracting(tree -> tree.node().position()).containsExactly(0, 1, 2);

        skills.rename(b.id(), "debug with gdb");
        skills.describe(a.id(), "see system calls", List.of("x", "y"));
        assertThat(skills.find(a.id()).orElseThrow().examples()).containsExactly("x", "y");
        skills.delete(b.id());
        dim = skills.tree().getFirst().children().getFirst();
        assertThat(names(dim.children())).containsExactly("read core dumps", "use strace");
        assertThat(dim.children()).extracting(tree -> tree.node().position()).containsExactly(0, 1);
    }

    @Test
    void kindRulesRefuseASkillUnderADomainAndAnEmptyName() throws Exception {
        SkillNode domain = skills.add(null, SkillKind.DOMAIN, "security", null, List.of(), 0);
        assertThatThrownBy(() -> skills.add(domain.id(), SkillKind.SKILL, "x", null, List.of(), 0))
                .hasMessageContaining("a skill must sit under a dimension, not under the domain 'security'");
        assertThatThrownBy(() -> skills.add(null, SkillKind.DIMENSION, "x", null, List.of(), 0))
                .hasMessageContaining("must sit under a domain");
        assertThatThrownBy(() -> skills.add(null, SkillKind.DOMAIN, "  ", null, List.of(), 0))
                .hasMessageContaining("cannot be empty");
    }

    @Test
    void moveToAnotherDimensionAndUndoPutsItBackInPlace() throws Exception {
        skills.importTaxonomy(new Taxonomy(List.of(new Taxonomy.Entry("d", null, null, List.of(
                new Taxonomy.Entry("one", null, null, List.of(leaf("a"), leaf("b"), leaf("c"))),
                new Taxonomy.Entry("two", null, null, List.of(leaf("x"))))))));
        SkillTree tree = skills.tree().getFirst();
        long b = tree.children().getFirst().children().get(1).node().id();
        long two = tree.children().get(1).node().id();

        SkillChange undo = new SkillChange.Move(b, two, 0).apply(skills);
        tree = skills.tree().getFirst();
        assertThat(names(tree.children().get(0).children())).containsExactly("a", "c");
        assertThat(names(tree.children().get(1).children())).containsExactly("b", "x");

        SkillChange redo = undo.apply(skills);
        tree = skills.tree().getFirst();
        assertThat(names(tree.children().get(0).children())).containsExactly("a", "b", "c");
        assertThat(names(tree.children().get(1).children())).containsExactly("x");
        redo.apply(skills);
        assertThat(names(skills.tree().getFirst().children().get(1).children())).containsExactly("b", "x");
    }

    @Test
    void deletingADomainAndUndoingRestoresTheSubtreeItsIdsAndTaskLinks() throws Exception {
        skills.importTaxonomy(TaxonomyFormat.defaultTaxonomy());
        Taxonomy before = skills.taxonomy();
        SkillTree security = skills.tree().stream().filter(tree -> tree.node().name().equals("security")).findFirst().orElseThrow();
        long skill = security.skills().getFirst().id();
        db.write(c -> {
            c.createStatement().executeUpdate("INSERT INTO tasks(id, name, format, instruction, content_hash, created_at, "
                    + "updated_at) VALUES (7, 't', 'harbor', 'i', 'h', 'now', 'now')");
            c.createStatement().executeUpdate("INSERT INTO task_skills(task_id, skill_id) VALUES (7, " + skill + ")");
            return null;
        });

        SkillChange undo = SkillChange.Delete.of(security.node().id()).apply(skills);
        assertThat(skills.taxonomy().domains()).hasSize(10);
        assertThat(SkillCoverage.compute(db).domains()).extracting(SkillCoverage.DomainRow::domain).doesNotContain("security");

        undo.apply(skills);
        assertThat(skills.taxonomy()).isEqualTo(before);
        assertThat(skills.find(skill)).isPresent();
        long links = db.read(c -> {
            try (var rows = c.createStatement().executeQuery("SELECT count(*) FROM task_skills WHERE skill_id = " + skill)) {
                rows.next();
                return rows.getLong(1);
            }
        });
        assertThat(links).isEqualTo(1);
    }

    @Test
    void defaultTaxonomyHasTheElevenDomainsAndDescribedSkillsWithExamples() {
        Taxonomy taxonomy = TaxonomyFormat.defaultTaxonomy();
        assertThat(taxonomy.domains()).extracting(Taxonomy.Entry::name).containsExactly("data processing", "data querying",
                "data science", "debugging", "dependency management", "file operations", "scientific computing",
                "security", "software engineering", "model training", "system administration");
        assertThat(taxonomy.countSkills()).isBetween(120, 200);
        List<String> dimensions = List.of("algorithmic", "systems", "data processing", "mathematical", "testing", "web/security");
        for (Taxonomy.Entry domain : taxonomy.domains()) {
            assertThat(domain.children()).as(domain.name()).hasSizeGreaterThanOrEqualTo(3);
            for (Taxonomy.Entry dimension : domain.children()) {
                assertThat(dimensions).contains(dimension.name());
                for (Taxonomy.Entry skill : dimension.children()) {
                    assertThat(skill.description()).as(skill.name()).isNotBlank();
                    assertThat(skill.examples()).as(skill.name()).hasSizeBetween(1, 2);
                }
            }
        }
    }

    @Test
    void yamlAndJsonRoundTripsAreIdenticalThroughTheProject() throws Exception {
        Taxonomy shipped = TaxonomyFormat.defaultTaxonomy();
        assertThat(skills.importTaxonomy(shipped).added()).isEqualTo(shipped.countNodes());
        for (String name : List.of("tax.yaml", "tax.json")) {
            Path file = dir.resolve(name);
            TaxonomyFormat.write(file, skills.taxonomy());
            String written = Files.readString(file);
            assertThat(TaxonomyFormat.read(file)).as(name).isEqualTo(shipped);

            try (ProjectDb other = ProjectDb.create(dir.resolve("copy-" + name + ".curator"))) {
                SkillStore copy = new SkillStore(other);
                copy.importTaxonomy(TaxonomyFormat.read(file));
                Path again = dir.resolve("again-" + name);
                TaxonomyFormat.write(again, copy.taxonomy());
                assertThat(Files.readString(again)).as(name).isEqualTo(written);
            }
        }
        SkillStore.ImportResult second = skills.importTaxonomy(shipped);
        assertThat(second.added()).isZero();
        assertThat(second.updated()).isZero();
        assertThat(second.unchanged()).isEqualTo(shipped.countNodes());
    }

    @Test
    void importMergesByNameKeepingIdsAndAddingNewSkills() throws Exception {
        skills.importTaxonomy(new Taxonomy(List.of(new Taxonomy.Entry("d", null, null, List.of(
                new Taxonomy.Entry("one", null, null, List.of(leaf("a"), leaf("b"))))))));
        long a = skills.tree().getFirst().children().getFirst().children().getFirst().node().id();
        SkillStore.ImportResult result = skills.importTaxonomy(new Taxonomy(List.of(new Taxonomy.Entry("d", null, null,
                List.of(new Taxonomy.Entry("one", null, null, List.of(leaf("new"),
                        new Taxonomy.Entry("a", "now described", List.of("e"), List.of()))))))));
        assertThat(result).isEqualTo(new SkillStore.ImportResult(1, 1, 2));
        SkillTree one = skills.tree().getFirst().children().getFirst();
        assertThat(names(one.children())).containsExactly("new", "a", "b");
        assertThat(one.children().get(1).node().id()).isEqualTo(a);
        assertThat(one.children().get(1).node().description()).isEqualTo("now described");
    }

    @Test
    void brokenTaxonomyFileNamesTheFileAndThePlace() throws Exception {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, "domains:\n- name: ok\n  dimensions:\n  - description: no name here\n");
        assertThatThrownBy(() -> TaxonomyFormat.read(file)).hasMessage(file + ": domains[0].dimensions[0] has no name");
        Files.writeString(file, "domains:\n- name: ok\n  colour: blue\n");
        assertThatThrownBy(() -> TaxonomyFormat.read(file)).hasMessageStartingWith(file + ":")
                .hasMessageContaining("unknown key 'colour' in domains[0] (expected ");
    }

    private static Taxonomy.Entry leaf(String name) {
        return new Taxonomy.Entry(name, null, null, List.of());
    }
}
