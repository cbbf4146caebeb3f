package org.termcurator.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.termcurator.core.project.ProjectAccess;
import org.termcurator.core.project.ProjectDb;
import org.termcurator.core.tasks.ExportSummary;
import org.termcurator.core.io.SafeText;
import org.termcurator.core.tasks.TaskExporter;
import org.termcurator.core.tasks.lint.LintContext;
import org.termcurator.core.tasks.lint.LintReport;
import org.termcurator.core.tasks.lint.LintRule;
import org.termcurator.core.tasks.lint.LintSetup;
import org.termcurator.core.tasks.lint.LintStatus;
import org.termcurator.core.tasks.lint.ProjectLinter;
import org.termcurator.core.tasks.query.TaskFacet;
import org.termcurator.core.tasks.query.TaskQueries;
import org.termcurator.core.tasks.query.TaskQuery;
import org.termcurator.core.tasks.query.TaskRow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code curator tasks list|lint|export}. */
@Command(name = "tasks", description = "List, lint and export the tasks of a project.",
        subcommands = {TasksCommand.ListTasks.class, TasksCommand.LintTasks.class, TasksCommand.ExportTasks.class})
final class TasksCommand extends ProjectSubcommand.Group {

    /** What list and export select: a search and facet values. */
    static final class Selection {
        @Option(names = "--query", paramLabel = "TEXT",
                description = "Only tasks whose name, instruction, tags or test file names have these words.")
        String query;

        @Option(names = "--category", paramLabel = "C", description = "Only tasks of this category (repeatable).")
        List<String> categories = new ArrayList<>();

        @Option(names = "--difficulty", paramLabel = "D", description = "Only tasks of this difficulty (repeatable).")
        List<String> difficulties = new ArrayList<>();

        TaskQuery toQuery() {
            return TaskQuery.all().withText(query).withFilter(TaskFacet.CATEGORY, Set.copyOf(categories))
                    .withFilter(TaskFacet.DIFFICULTY, Set.copyOf(difficulties));
        }
    }

    @Command(name = "list", description = "List tasks, optionally searched and filtered. Read-only.")
    static final class ListTasks extends ProjectSubcommand {

        @CommandLine.ArgGroup(exclusive = false)
        Selection selection = new Selection();

        @Option(names = "--limit", paramLabel = "N", description = "List at most N tasks (the total still counts all).")
        Integer limit;

        ListTasks() {
            super(ProjectAccess.READ);
        }

        @Override
        public Integer call() throws Exception {
            if (limit != null && limit < 0) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--limit cannot be negative");
            }
            TaskQuery query = selection.toQuery();
            long total;
            List<TaskRow> rows;
            try (ProjectDb db = openProject()) {
                TaskQueries queries = new TaskQueries(db);
                total = queries.count(query);
                rows = queries.page(query, 0, limit == null ? Integer.MAX_VALUE : limit);
            }
            List<Map<String, Object>> tasks = new ArrayList<>();
            StringBuilder text = new StringBuilder();
            for (TaskRow row : rows) {
                Map<String, Object> task = new LinkedHashMap<>();
                task.put("name", row.name());
                task.put("category", row.category());
                task.put("difficulty", row.difficulty());
                task.put("source", row.sourcePath());
                tasks.add(task);
                // one task a line: a name or path with a line break in it must not forge a line of its own
                text.append(String.format("%-40s %-24s %-8s %s%n", SafeText.oneLine(row.name()),
                        SafeText.oneLine(orDash(row.category())), SafeText.oneLine(orDash(row.difficulty())),
                        SafeText.oneLine(orDash(row.sourcePath()))));
            }
            text.append(String.format("%,d of %,d tasks", rows.size(), total));
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("total", total);
            result.put("tasks", tasks);
            print(result, text.toString());
            return ExitCodes.OK;
        }

        private static String orDash(String value) {
            return value == null ? "-" : value;
        }
    }

    @Command(name = "lint", description = "Lint every task again (the images of the Docker engine in Settings, or "
            + "--docker-host, and the project's base-image map decide which base images are known). Exits 1 when a task has an error-level finding.")
    static final class LintTasks extends ProjectSubcommand {

        @Option(names = "--map-image", paramLabel = "PUBLIC=LOCAL",
                description = "Map a public base image to a local one, and remember it in the project (repeatable).")
        Map<String, String> mappings = new LinkedHashMap<>();

        @Mixin
        DockerOptions docker;

        LintTasks() {
            super(ProjectAccess.WRITE);
        }

        @Override
        public Integer call() throws Exception {
            CliOutput out = cli();
            LintReport report;
            try (ProjectDb db = openProject()) {
                if (!mappings.isEmpty()) {
                    Map<String, String> map = new LinkedHashMap<>(LintSetup.baseImageMap(db));
                    map.putAll(mappings);
                    LintSetup.saveBaseImageMap(db, map);
                }
                LintContext context = LintSetup.detect(db, docker.address(CliCommands.userSettings()))
                        .withBuildNetwork(CliCommands.userSettings().isRolloutBuildNetwork());
                if (!context.localImagesKnown()) {
                    out.err().println("Docker is not reachable: base images are checked against the image map only");
                }
                report = ProjectLinter.lintProject(db, context, new StderrProgress(out.err()));
            }
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("tasks", report.tasks());
            for (LintStatus status : List.of(LintStatus.OK, LintStatus.WARNING, LintStatus.ERROR)) {
                result.put(status.id(), report.count(status));
            }
            Map<String, Long> rules = new LinkedHashMap<>();
            report.findingsByRule().forEach((rule, count) -> rules.put(rule.id(), count));
            result.put("rules", rules);
            List<Map<String, Object>> findings = new ArrayList<>();
            StringBuilder text = new StringBuilder();
            for (LintReport.TaskFinding finding : report.findings()) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("task", finding.taskName());
                entry.put("source", finding.sourcePath());
                entry.put("rule", finding.finding().rule().id());
                entry.put("severity", finding.finding().severity().id());
                entry.put("message", finding.finding().message());
                entry.put("file", finding.finding().file());
                entry.put("line", finding.finding().line());
                findings.add(entry);
                text.append(String.format("%-7s %s: %s%s [%s]%n", finding.finding().severity().id(), finding.taskName(),
                        finding.finding().file() == null ? "" : finding.finding().file()
                                + (finding.finding().line() > 0 ? ":" + finding.finding().line() : "") + ": ",
                        finding.finding().message(), finding.finding().rule().id()));
            }
            result.put("findings", findings);
            text.append(String.format("%,d tasks: %,d ok, %,d with warnings, %,d with errors", report.tasks(),
                    report.count(LintStatus.OK), report.count(LintStatus.WARNING), report.count(LintStatus.ERROR)));
            for (Map.Entry<LintRule, Long> rule : report.findingsByRule().entrySet()) {
                if (rule.getValue() > 0) {
                    text.append(String.format("%n  %-36s %,d", rule.getKey().id(), rule.getValue()));
                }
            }
            print(result, text.toString());
            return report.count(LintStatus.ERROR) > 0 ? ExitCodes.FAILED : ExitCodes.OK;
        }
    }

    @Command(name = "export", description = "Write tasks as task folders (one per task, as stored) into a folder. "
            + "Exits 1 when any task could not be written.")
    static final class ExportTasks extends ProjectSubcommand {

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "The folder to write the tasks to.")
        Path out;

        @CommandLine.ArgGroup(exclusive = false)
        Selection selection = new Selection();

        @Option(names = "--overwrite", description = "Replace task folders that already exist in DIR.")
        boolean overwrite;

        ExportTasks() {
            super(ProjectAccess.READ);
        }

        @Override
        public Integer call() throws Exception {
            ExportSummary summary;
            try (ProjectDb db = openProject()) {
                List<Long> ids = java.util.Arrays.stream(new TaskQueries(db).ids(selection.toQuery())).boxed().toList();
                summary = new TaskExporter(db, overwrite).export(ids, out, new StderrProgress(cli().err()));
            }
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("exported", summary.exported());
            result.put("failed", summary.failed());
            result.put("out", out.toAbsolutePath().normalize().toString());
            result.put("errors", CliCommands.errors(summary.errors()));
            StringBuilder text = new StringBuilder(String.format("Exported %,d tasks to %s, failed %,d",
                    summary.exported(), out.toAbsolutePath().normalize(), summary.failed()));
            CliCommands.appendErrors(text, summary.errors());
            print(result, text.toString());
            return summary.failed() > 0 ? ExitCodes.FAILED : ExitCodes.OK;
        }
    }
}
