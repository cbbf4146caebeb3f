package org.termcurator.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.termcurator.core.project.ProjectAccess;
import org.termcurator.core.project.ProjectDb;
import org.termcurator.core.skills.SkillCoverage;
import org.termcurator.core.skills.SkillStore;
import org.termcurator.core.skills.Taxonomy;
import org.termcurator.core.skills.TaxonomyFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code curator skills import|export|show}. */
@Command(name = "skills", description = "Import, export and show the skill taxonomy and its coverage.",
        subcommands = {SkillsCommand.Import.class, SkillsCommand.Export.class, SkillsCommand.Show.class})
final class SkillsCommand extends ProjectSubcommand.Group {

    @Command(name = "import", description = "Merge a taxonomy (YAML or JSON) into the project by names, or the default one.")
    static final class Import extends ProjectSubcommand {
        @Parameters(paramLabel = "FILE", arity = "0..1", description = "A .yaml, .yml or .json taxonomy file.")
        Path file;

        @Option(names = "--default", description = "Import the taxonomy shipped with the app.")
        boolean defaults;

        @Mixin
        CreateOption create;

        Import() {
            super(ProjectAccess.WRITE);
        }

        @Override
        public Integer call() throws Exception {
            if ((file == null) == !defaults) {
                throw new CliFailure("give a taxonomy FILE or --default (one of them)", ExitCodes.USAGE);
            }
            if (file != null && !Files.isRegularFile(file)) {
                throw new CliFailure(file + " does not exist", ExitCodes.USAGE);
            }
            Taxonomy taxonomy = defaults ? TaxonomyFormat.defaultTaxonomy() : TaxonomyFormat.read(file);
            SkillStore.ImportResult result;
            try (ProjectDb db = openProject()) {
                result = new SkillStore(db).importTaxonomy(taxonomy);
            }
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("source", defaults ? "default" : file.toString());
            json.put("domains", taxonomy.domains().size());
            json.put("skills", taxonomy.countSkills());
            json.put("added", result.added());
            json.put("updated", result.updated());
            json.put("unchanged", result.unchanged());
            print(json, String.format("Taxonomy %s: %d domains, %d skills; %d nodes added, "
                            + "%d updated, %d unchanged", defaults ? "(default)" : file, taxonomy.domains().size(),
                    taxonomy.countSkills(), result.added(), result.updated(), result.unchanged()));
            return ExitCodes.OK;
        }
    }

    @Command(name = "export", description = "Write the project's taxonomy as YAML or JSON (by the file's extension). Read-only.")
    static final class Export extends ProjectSubcommand {
        @Parameters(paramLabel = "FILE", description = "Where to write the taxonomy.")
        Path file;

        Export() {
            super(ProjectAccess.READ);
        }

        @Override
        public Integer call() throws Exception {
            Taxonomy taxonomy;
            try (ProjectDb db = openProject()) {
                taxonomy = new SkillStore(db).taxonomy();
            }
            TaxonomyFormat.write(file, taxonomy);
            print(Map.of("file", file.toString(), "domains", taxonomy.domains().size(),
                    "skills", taxonomy.countSkills()), "Wrote " + taxonomy.countSkills() + " skills to " + file);
            return ExitCodes.OK;
        }
    }

    @Command(name = "show", description = "Show the taxonomy with task, trajectory and success counts per skill. Read-only.")
    static final class Show extends ProjectSubcommand {

        Show() {
            super(ProjectAccess.READ);
        }

        @Override
        public Integer call() throws Exception {
            SkillCoverage.Report report;
            try (ProjectDb db = openProject()) {
                report = SkillCoverage.compute(db);
            }
            List<Map<String, Object>> domains = new ArrayList<>();
            StringBuilder text = new StringBuilder();
            for (SkillCoverage.DomainRow domain : report.domains()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("domain", domain.domain());
                row.put("counts", counts(domain.counts()));
                List<Map<String, Object>> skills = new ArrayList<>();
                text.append(domain.domain()).append("  ").append(line(domain.counts())).append('\n');
                String dimension = null;
                for (SkillCoverage.SkillRow skill : domain.skills()) {
                    if (!skill.dimension().equals(dimension)) {
                        dimension = skill.dimension();
                        text.append("  ").append(dimension).append('\n');
                    }
                    text.append("    ").append(skill.counts().tasks() == 0 ? "! " : "  ").append(skill.skill())
                            .append("  ").append(line(skill.counts())).append('\n');
                    Map<String, Object> skillRow = new LinkedHashMap<>();
                    skillRow.put("id", skill.skillId());
                    skillRow.put("dimension", skill.dimension());
                    skillRow.put("skill", skill.skill());
                    skillRow.put("counts", counts(skill.counts()));
                    skills.add(skillRow);
                }
                row.put("skills", skills);
                domains.add(row);
            }
            int gaps = report.skillsWithoutTasks().size();
            text.append(report.domains().isEmpty() ? "No taxonomy yet: curator skills import --default --project FILE"
                    : gaps + " skills have no tasks yet (marked !)");
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("domains", domains);
            json.put("skillsWithoutTasks", gaps);
            print(json, text.toString().stripTrailing());
            return ExitCodes.OK;
        }

        private static Map<String, Object> counts(SkillCoverage.Counts counts) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("tasks", counts.tasks());
            map.put("trajectories", counts.trajectories());
            map.put("successful", counts.successful());
            return map;
        }

        private static String line(SkillCoverage.Counts counts) {
            return "(" + counts.tasks() + " tasks, " + counts.trajectories() + " trajectories, "
                    + counts.successful() + " successful)";
        }
    }
}
