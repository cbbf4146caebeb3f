package org.termcurator.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.termcurator.core.jobs.JobContext;
import org.termcurator.core.project.ProjectAccess;
import org.termcurator.core.project.ProjectDb;
import org.termcurator.core.seeds.ImportProblem;
import org.termcurator.core.seeds.Seed;
import org.termcurator.core.seeds.SeedExporter;
import org.termcurator.core.seeds.SeedImporter;
import org.termcurator.core.seeds.SeedQuery;
import org.termcurator.core.seeds.SeedStatus;
import org.termcurator.core.seeds.SeedStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code curator seeds import|export|list}. */
@Command(name = "seeds", description = "Import, export and list the seed problems tasks are generated from.",
        subcommands = {SeedsCommand.Import.class, SeedsCommand.Export.class, SeedsCommand.ListSeeds.class})
final class SeedsCommand extends ProjectSubcommand.Group {

    @Command(name = "import", description = "Import seeds from JSON Lines or CSV/TSV; duplicates are skipped and listed.")
    static final class Import extends ProjectSubcommand {
        @Parameters(paramLabel = "FILE", description = "A .jsonl, .csv or .tsv file.")
        Path file;

        @Mixin
        CreateOption create;

        Import() {
            super(ProjectAccess.WRITE);
        }

        @Option(names = "--mapping", paramLabel = "COL=FIELD,...",
                description = "Map file columns to seed fields (col= ignores a column); other columns are mapped by name.")
        String mapping;

        @Override
        public Integer call() throws Exception {
            if (!Files.isRegularFile(file)) {
                throw new CliFailure(file + " does not exist", ExitCodes.USAGE);
            }
            SeedImporter.Report report;
            try (ProjectDb db = openProject()) {
                try {
                    report = new SeedImporter(new SeedStore(db)).importFile(file, mapping, JobContext.unobserved());
                } catch (IllegalArgumentException e) {
                    throw new CliFailure(e.getMessage(), ExitCodes.USAGE);
                }
            }
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("file", file.toString());
            result.put("rows", report.rows());
            result.put("imported", report.imported().size());
            result.put("duplicates", report.duplicates().stream().map(d -> Map.of("line", d.line(), "reason", d.reason())).toList());
            result.put("errors", report.errors().stream().map(ImportProblem::toString).toList());
            result.put("mapping", report.mapping().format());
            result.put("ignoredColumns", report.ignoredColumns());
            StringBuilder text = new StringBuilder();
            text.append("Imported ").append(report.imported().size()).append(" of ").append(report.rows())
                    .append(" seeds from ").append(file).append(" (mapping ").append(report.mapping().format()).append(")");
            if (!report.ignoredColumns().isEmpty()) {
                text.append("\nIgnored columns: ").append(String.join(", ", report.ignoredColumns()));
            }
            report.duplicates().forEach(duplicate -> text.append("\nskipped duplicate: ").append(duplicate));
            report.errors().forEach(error -> text.append("\nerror: ").append(error));
            print(result, text.toString());
            return report.errors().isEmpty() ? ExitCodes.OK : ExitCodes.FAILED;
        }
    }

    @Command(name = "export", description = "Export all seeds to .jsonl, .csv or .tsv (by the file's extension). Read-only.")
    static final class Export extends ProjectSubcommand {
        @Parameters(paramLabel = "FILE", description = "Where to write the seeds.")
        Path file;

        Export() {
            super(ProjectAccess.READ);
        }

        @Override
        public Integer call() throws Exception {
            List<Seed> seeds;
            try (ProjectDb db = openProject()) {
                seeds = new SeedStore(db).list(SeedQuery.all());
            }
            try {
                SeedExporter.write(file, seeds);
            } catch (IllegalArgumentException e) {
                throw new CliFailure(e.getMessage(), ExitCodes.USAGE);
            }
            print(Map.of("file", file.toString(), "exported", seeds.size()),
                    "Exported " + seeds.size() + " seeds to " + file);
            return ExitCodes.OK;
        }
    }

    @Command(name = "list", description = "List seeds, optionally matching full-text words. Read-only.")
    static final class ListSeeds extends ProjectSubcommand {
        @Option(names = "--query", paramLabel = "WORDS", description = "Words that must occur (title, problem, tags).")
        String query;

        @Option(names = "--domain", paramLabel = "D", description = "Only seeds of this domain.")
        String domain;

        @Option(names = "--status", paramLabel = "S", description = "Only seeds with this status: new, used or rejected.")
        String status;

        ListSeeds() {
            super(ProjectAccess.READ);
        }

        @Override
        public Integer call() throws Exception {
            SeedStatus wanted;
            try {
                wanted = status == null ? null : SeedStatus.parse(status);
            } catch (IllegalArgumentException e) {
                throw new CliFailure(e.getMessage(), ExitCodes.USAGE);
            }
            List<Seed> seeds;
            try (ProjectDb db = openProject()) {
                seeds = new SeedStore(db).list(new SeedQuery(query, domain, wanted, 0));
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            StringBuilder text = new StringBuilder();
            for (Seed seed : seeds) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("id", seed.id());
                row.put("title", seed.label());
                row.put("domain", seed.domain());
                row.put("status", seed.status().key());
                row.put("tags", seed.tags());
                row.put("sourceDataset", seed.sourceDataset());
                row.put("sourceId", seed.sourceId());
                rows.add(row);
                text.append(String.format("%5d  %-8s %-22s %s%n", seed.id(), seed.status().key(),
                        seed.domain() == null ? "-" : seed.domain(), seed.label()));
            }
            text.append(seeds.size()).append(seeds.size() == 1 ? " seed" : " seeds");
            print(Map.of("count", seeds.size(), "seeds", rows), text.toString());
            return ExitCodes.OK;
        }
    }
}
