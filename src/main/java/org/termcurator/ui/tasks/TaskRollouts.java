package org.termcurator.ui.tasks;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.termcurator.core.jobs.Job;
import org.termcurator.core.project.ProjectDb;
import org.termcurator.core.rollouts.ProjectRollouts;
import org.termcurator.core.rollouts.ProjectTaskFolders;
import org.termcurator.core.rollouts.agents.Agent;
import org.termcurator.core.rollouts.agents.AgentChoice;
import org.termcurator.core.rollouts.agents.AgentKind;
import org.termcurator.core.settings.Settings;
import org.termcurator.ui.session.RolloutService;
import org.termcurator.ui.session.UiServices;

/**
 * Rolls out tasks chosen in the Tasks view on the window's rollout service: the tasks are
 * read (and written out from the project when their folder is gone) as a job, then queued.
 */
public final class TaskRollouts {

    /**
     * What the user chose in "Roll out selection with…".
     *
     * @param replayFile replay: an ATIF trajectory.json or a JSON list of keystrokes
     * @param endpoint   llm: the OpenAI-compatible base URL (null: settings)
     * @param model      llm: the model (null: settings)
     */
    public record Choice(AgentKind agent, int attempts, int concurrency, Path replayFile, String endpoint, String model) {

        public Choice {
            if (attempts < 1 || concurrency < 1) {
                throw new IllegalArgumentException("attempts and concurrency must be at least 1");
            }
        }

        /** One oracle attempt per task at the default concurrency. */
        public static Choice oracle(Settings settings) {
            return new Choice(AgentKind.ORACLE, 1, settings.getDefaultConcurrency(), null, null, null);
        }

        /** The agent part of the choice; blank fields fall back to Settings. */
        public AgentChoice agentChoice() {
            return new AgentChoice(agent, replayFile, blankToNull(endpoint), blankToNull(model), null,
                    AgentChoice.DEFAULT_MAX_TURNS);
        }
    }

    /** How many rollouts were queued, and the tasks that could not be. */
    public record Queued(int rollouts, List<String> problems) {

        public String describe() {
            String text = String.format(Locale.ROOT, "Queued %d rollout%s", rollouts, rollouts == 1 ? "" : "s");
            return problems.isEmpty() ? text : text + "; " + problems.size() + " task(s) skipped — first: "
                    + problems.getFirst();
        }
    }

    private final UiServices services;

    public TaskRollouts(UiServices services) {
        this.services = services;
    }

    /**
     * Queues the rollouts of these tasks of the open project as a job.
     *
     * @throws IllegalArgumentException when the agent cannot be made (no endpoint, an unreadable replay file)
     */
    public Job<Queued> rollOut(List<Long> taskIds, Choice choice) {
        ProjectDb db = services.session().project();
        if (db == null) {
            throw new IllegalStateException("no project is open");
        }
        Agent agent = choice.agentChoice().create(services.settings());
        RolloutService rollouts = services.rollouts();
        String title = "Queue " + choice.agent().key() + " rollouts of " + taskIds.size()
                + " task" + (taskIds.size() == 1 ? "" : "s");
        return services.jobs().submit(title, context -> {
            context.message("Reading the tasks");
            ProjectRollouts project = rollouts.forProject(db);
            List<ProjectTaskFolders.Entry> tasks = project.tasksWithIds(taskIds);
            context.checkCancelled();
            ProjectTaskFolders.Prepared prepared = project.prepare(tasks, agent, choice.attempts());
            context.checkCancelled();
            rollouts.submit(db, prepared.requests(), choice.concurrency());
            return new Queued(prepared.requests().size(), prepared.problems());
        });
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
