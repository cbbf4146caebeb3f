package org.termcurator.core.rollouts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.termcurator.core.jobs.JobContext;
import org.termcurator.core.project.ProjectDb;
import org.termcurator.core.rollouts.agents.Agent;
import org.termcurator.core.rollouts.task.RolloutTaskSpec;
import org.termcurator.core.rollouts.task.TaskSpecException;
import org.termcurator.core.tasks.ExportSummary;
import org.termcurator.core.tasks.TaskExporter;
import org.termcurator.core.tasks.TaskStore;

/**
 * The project's tasks as folders to roll out: every task (or those matching a full-text
 * query over name, instruction, tags and test files) with the folder it was imported from.
 * A task whose folder is gone (or that never had one, e.g. a generated task) is written out
 * from the files the project stores, into the rollout work root.
 */
public final class ProjectTaskFolders {

    /** A task of the project and the folder it came from (which may since have gone). */
    public record Entry(long taskId, String name, Path folder) {
    }

    /** The rollouts to run, and the tasks that could not be prepared (each with why). */
    public record Prepared(List<RolloutRequest> requests, List<String> problems) {
    }

    private ProjectTaskFolders() {
    }

    /** These tasks of the project, in import order (ids that are not there are left out). */
    public static List<Entry> selectIds(ProjectDb db, Collection<Long> ids) throws SQLException {
        List<Entry> entries = new ArrayList<>();
        List<Long> ordered = ids.stream().distinct().sorted().toList();
        for (int start = 0; start < ordered.size(); start += 500) {
            List<Long> batch = ordered.subList(start, Math.min(ordered.size(), start + 500));
            entries.addAll(db.read(connection -> {
                List<Entry> found = new ArrayList<>();
                try (PreparedStatement statement = connection.prepareStatement("SELECT id, name, source_path FROM tasks "
                        + "WHERE id IN (" + TaskStore.placeholders(batch.size()) + ") ORDER BY id")) {
                    for (int i = 0; i < batch.size(); i++) {
                        statement.setLong(i + 1, batch.get(i));
                    }
                    readEntries(statement, found);
                }
                return found;
            }));
        }
        return entries;
    }

    /**
     * {@code attempts} rollouts of each task with {@code agent}. Tasks without a folder on disk
     * are written out under {@code workRoot}/tasks first; a task that cannot be written or
     * read as a rollout is a problem, and the others still go.
     */
    public static Prepared prepare(ProjectDb db, List<Entry> entries, Path workRoot, Agent agent, int attempts) {
        List<RolloutRequest> requests = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Entry entry : entries) {
            try {
                RolloutTaskSpec spec = RolloutTaskSpec.fromTaskDir(folderOf(db, entry, workRoot));
                for (int attempt = 1; attempt <= attempts; attempt++) {
                    requests.add(new RolloutRequest(spec, agent, attempt, entry.taskId()));
                }
            } catch (TaskSpecException e) {
                problems.add(e.getMessage());
            } catch (IOException | SQLException e) {
                problems.add(entry.name() + ": cannot be written out from the project (" + e.getMessage() + ")");
            }
        }
        return new Prepared(requests, problems);
    }

    /** The task's folder: where it was imported from while that is still there, else written out from the project. */
    public static Path folderOf(ProjectDb db, Entry entry, Path workRoot) throws IOException, SQLException {
        if (entry.folder() != null && Files.isRegularFile(entry.folder().resolve("task.toml"))) {
            return entry.folder();
        }
        Path out = RolloutWorkRoot.prepare(workRoot).resolve("tasks").resolve(Long.toString(entry.taskId()));
        ExportSummary written = new TaskExporter(db, true).export(List.of(entry.taskId()), out, JobContext.unobserved());
        if (written.folders().isEmpty()) {
            throw new IOException(written.errors().isEmpty() ? "the task is no longer in the project"
                    : written.errors().getFirst().message());
        }
        return Path.of(written.folders().getFirst());
    }

    /** Tasks in import order; {@code query} null or blank means all of them. */
    public static List<Entry> select(ProjectDb db, String query) throws SQLException {
        boolean all = query == null || query.isBlank();
        String sql = all ? "SELECT id, name, source_path FROM tasks ORDER BY id"
                : "SELECT t.id, t.name, t.source_path FROM tasks_fts JOIN tasks t ON t.id = tasks_fts.rowid "
                        + "WHERE tasks_fts MATCH ? ORDER BY t.id";
        return db.read(connection -> {
            List<Entry> entries = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                if (!all) {
                    statement.setString(1, query);
                }
                readEntries(statement, entries);
            }
            return entries;
        });
    }

    private static void readEntries(PreparedStatement statement, List<Entry> entries) throws SQLException {
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                String source = rows.getString(3);
                entries.add(new Entry(rows.getLong(1), rows.getString(2), source == null ? null : Path.of(source)));
            }
        }
    }
}
