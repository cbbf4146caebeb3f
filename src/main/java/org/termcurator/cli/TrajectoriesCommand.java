package org.termcurator.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.termcurator.core.project.ProjectAccess;
import org.termcurator.core.project.ProjectDb;
import org.termcurator.core.project.ProjectOpenException;
import org.termcurator.core.trajectories.StepsSearchIndex;
import org.termcurator.core.trajectories.TrajectoryFacet;
import org.termcurator.core.trajectories.TrajectoryFilter;
import org.termcurator.core.trajectories.TrajectoryPage;
import org.termcurator.core.trajectories.TrajectoryQueries;
import org.termcurator.core.trajectories.TrajectoryRow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code curator trajectories list}. */
@Command(name = "trajectories", description = "Look at a project's trajectories.",
        subcommands = {TrajectoriesCommand.ListTrajectories.class})
final class TrajectoriesCommand extends ProjectSubcommand.Group {

    enum Outcome { resolved, unresolved }

    @Command(name = "list", description = {"List trajectories, optionally matching a full-text query over messages, "
            + "commands and terminal output, or one outcome.",
            "Imports leave the search index to be built when first needed: a query builds it first (with progress "
            + "on stderr); otherwise, and while the app holds the project, the command only reads."})
    static final class ListTrajectories extends ProjectSubcommand {

        @Option(names = "--query", paramLabel = "TEXT", description = "Words that must all occur in some step.")
        String query;

        @Option(names = "--outcome", paramLabel = "resolved|unresolved", description = "Only this outcome.")
        Outcome outcome;

        @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "At most N rows (default ${DEFAULT-VALUE}).")
        int limit;

        ListTrajectories() {
            super(ProjectAccess.READ);
        }

        @Override
        public Integer call() throws Exception {
            if (limit < 0) {
                throw new ParameterException(spec.commandLine(), "--limit must not be negative");
            }
            TrajectoryFilter filter = TrajectoryFilter.all().withQuery(query);
            if (outcome != null) {
                filter = filter.with(TrajectoryFacet.OUTCOME, outcome.name());
            }
            if (query != null && !query.isBlank()) {
                indexForSearch();
            }
            TrajectoryPage page;
            try (ProjectDb db = openProject()) {
                page = new TrajectoryQueries(db).page(filter, 0, limit);
            }
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("total", page.total());
            result.put("trajectories", page.rows().stream().map(ListTrajectories::describe).toList());
            if (page.unsearched() > 0) {
                result.put("unsearched", page.unsearched());
            }
            print(result, table(page));
            return ExitCodes.OK;
        }

        /**
         * Adds what imports left to the search index; when another process holds the project,
         * or the project cannot be written here, says so and searches what is indexed.
         */
        private void indexForSearch() throws Exception {
            try (ProjectDb db = openProject()) {
                if (StepsSearchIndex.backlog(db) == 0) {
                    return;
                }
            }
            try (ProjectDb db = openProject(ProjectAccess.WRITE)) {
                StepsSearchIndex.catchUp(db, new StderrProgress(cli().err()));
            } catch (ProjectOpenException e) {
                if (e.reason() == ProjectOpenException.Reason.LOCKED) {
                    cli().err().println("note: the project is open in another process, which builds its search index; "
                            + "this search leaves out the trajectories not indexed yet");
                } else if (e.reason() == ProjectOpenException.Reason.READ_ONLY) {
                    cli().err().println("note: " + e.file() + " cannot be written here, so its search index cannot "
                            + "catch up; this search leaves out the trajectories not indexed yet");
                } else {
                    throw e;
                }
            }
        }

        private static Map<String, Object> describe(TrajectoryRow row) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", row.id());
            entry.put("task", row.taskName());
            entry.put("agent", row.agent());
            entry.put("model", row.model());
            entry.put("resolved", row.resolved());
            entry.put("reward", row.reward());
            entry.put("turns", row.turns());
            entry.put("trial", row.trialName());
            entry.put("format", row.format());
            return entry;
        }

        private static String table(TrajectoryPage page) {
            StringBuilder text = new StringBuilder();
            text.append(String.format("%-28s %-16s %-26s %-10s %6s %5s%n", "TASK", "AGENT", "MODEL", "OUTCOME", "REWARD", "TURNS"));
            for (TrajectoryRow row : page.rows()) {
                text.append(String.format("%-28s %-16s %-26s %-10s %6s %5d%n", clip(row.taskName(), 28),
                        clip(row.agent(), 16), clip(row.model(), 26),
                        row.resolved() == null ? "-" : row.resolved() ? "resolved" : "unresolved",
                        row.reward() == null ? "-" : String.format("%.2f", row.reward()), row.turns()));
            }
            List<TrajectoryRow> rows = page.rows();
            text.append(String.format("%,d of %,d trajectories", rows.size(), page.total()));
            if (page.unsearched() > 0) {
                text.append(String.format(" (%,d more not searched: not in the search index yet)", page.unsearched()));
            }
            return text.toString();
        }

        private static String clip(String text, int width) {
            if (text == null) {
                return "-";
            }
            return text.length() <= width ? text : text.substring(0, width - 1) + "…";
        }
    }
}
