package org.termcurator.cli;

import java.nio.file.Path;
import java.util.List;
import org.termcurator.core.project.ProjectAccess;
import org.termcurator.core.project.ProjectDb;
import org.termcurator.core.trajectories.ImportError;
import org.termcurator.core.trajectories.RunImportSummary;
import org.termcurator.core.trajectories.RunImporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code curator import runs PATH... --project FILE [--json]}. */
@Command(name = "runs", description = {
        "Import agent runs: Terminal-Bench 1 run folders, Harbor job or trial folders, SFT rows in .jsonl or "
                + ".parquet files, asciinema .cast files. Folders are searched at any depth.",
        "Re-importing skips unchanged items and updates changed ones. Exit code 1 when some items failed.",
        "The search index is built afterwards, when first needed: by a search, or by the app in the background."})
final class ImportRunsCommand extends ProjectSubcommand {

    @Mixin
    CreateOption create;

    @Mixin
    ItemSizeOption itemSize;

    ImportRunsCommand() {
        super(ProjectAccess.WRITE);
    }

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Run folders, trial folders, .jsonl, .parquet or .cast files.")
    List<Path> paths;

    @Override
    public Integer call() throws Exception {
        RunImportSummary summary;
        try (ProjectDb db = openProject()) {
            summary = new RunImporter(db, itemSize.bytes()).importPaths(paths, new StderrProgress(cli().err()));
        }
        StringBuilder text = new StringBuilder(String.format("Imported %d, updated %d, unchanged %d, failed %d (%,.1f MB read)",
                summary.imported(), summary.updated(), summary.unchanged(), summary.failed(), summary.bytesRead() / 1e6));
        for (ImportError error : summary.errors()) {
            text.append('\n').append("  ").append(error.path()).append(": ").append(error.message());
        }
        if (!summary.duplicates().isEmpty()) {
            text.append(String.format("%nSkipped %d duplicate trial%s (same run id and trial name as one already imported):",
                    summary.duplicates().size(), summary.duplicates().size() == 1 ? "" : "s"));
            for (RunImportSummary.Duplicate duplicate : summary.duplicates()) {
                text.append('\n').append("  ").append(duplicate.path()).append(" = ").append(duplicate.sameAs());
            }
        }
        if (summary.imported() + summary.updated() > 0) {
            text.append("\nTheir steps join the search index on the first search (trajectories list --query) "
                    + "or in the app, in the background.");
        }
        print(summary.toMap(), text.toString());
        return summary.failed() > 0 ? ExitCodes.FAILED : ExitCodes.OK;
    }
}
