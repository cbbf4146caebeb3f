package org.termcurator.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.termcurator.core.project.ProjectAccess;
import org.termcurator.core.project.ProjectDb;
import org.termcurator.core.tasks.ImportSummary;
import org.termcurator.core.tasks.TaskFolderReader;
import org.termcurator.core.tasks.TaskImporter;
import org.termcurator.core.tasks.lint.LintSetup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code curator import tasks PATH... --project FILE}. */
@Command(name = "tasks", description = "Import task folders (Harbor task.toml, Terminal-Bench 1 task.yaml) at any "
        + "depth, or .tar.gz/.tgz/.zip archives of them. Tasks already in the project are skipped when unchanged "
        + "and updated when changed. Exits 1 when any task failed (the others are imported).")
final class ImportTasksCommand extends ProjectSubcommand {

    @Mixin
    CreateOption create;

    @Mixin
    DockerOptions docker;

    @Mixin
    ItemSizeOption itemSize;

    @Option(names = "--max-file-size", paramLabel = "BYTES", defaultValue = "" + TaskFolderReader.DEFAULT_MAX_FILE_BYTES,
            description = "Files larger than this are kept as a reference to their original (default ${DEFAULT-VALUE}).")
    long maxFileBytes;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Task folders, folders of tasks, or archives.")
    List<Path> paths;

    ImportTasksCommand() {
        super(ProjectAccess.WRITE);
    }

    @Override
    public Integer call() throws Exception {
        CliOutput out = cli();
        ImportSummary summary;
        try (ProjectDb db = openProject()) {
            TaskImporter.Options options = TaskImporter.Options.defaults(LintSetup.detect(db, docker.address(CliCommands.userSettings()))
                    .withBuildNetwork(CliCommands.userSettings().isRolloutBuildNetwork()))
                    .withMaxFileBytes(maxFileBytes).withMaxItemBytes(itemSize.bytes());
            summary = new TaskImporter(db, options).importPaths(paths, new StderrProgress(out.err()));
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("imported", summary.imported());
        result.put("updated", summary.updated());
        result.put("unchanged", summary.unchanged());
        result.put("failed", summary.failed());
        result.put("errors", CliCommands.errors(summary.errors()));
        StringBuilder text = new StringBuilder(String.format("Imported %,d, updated %,d, unchanged %,d, failed %,d",
                summary.imported(), summary.updated(), summary.unchanged(), summary.failed()));
        CliCommands.appendErrors(text, summary.errors());
        print(result, text.toString());
        return summary.failed() > 0 ? ExitCodes.FAILED : ExitCodes.OK;
    }
}
