package org.termcurator.ui.tasks;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;
import org.termcurator.core.project.ProjectDb;
import org.termcurator.core.tasks.ConfigEditor;
import org.termcurator.core.tasks.MetadataField;
import org.termcurator.core.tasks.Task;
import org.termcurator.core.tasks.TaskAssembler;
import org.termcurator.core.tasks.TaskDefinitionException;
import org.termcurator.core.tasks.TaskEditor;
import org.termcurator.core.tasks.TaskFile;
import org.termcurator.core.tasks.TaskFormat;
import org.termcurator.core.tasks.TaskLayout;
import org.termcurator.core.tasks.lint.LintContext;
import org.termcurator.core.tasks.query.TaskDetail;
import org.termcurator.core.tasks.query.TaskQueries;

/**
 * The task in the detail pane and the edits made to it. Edits are whole file texts kept per
 * task until saved or reverted (selecting another task keeps them); each change is checked
 * at once (a TOML, YAML or JSON file that does not parse, or a task that no longer reads, is
 * a problem with its file and line) and can be undone.
 */
public final class TaskDetailViewModel {

    private final Executor background;
    private final Executor ui;
    private final Supplier<LintContext> lint;
    private final LongConsumer onSaved;
    private final Map<Long, LinkedHashMap<String, String>> pending = new HashMap<>();
    private final Map<Long, Deque<Map<String, String>>> history = new HashMap<>();

    private final ReadOnlyObjectWrapper<TaskDetail> detail = new ReadOnlyObjectWrapper<>(this, "detail");
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo");
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper(this, "saving");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyStringWrapper problemFile = new ReadOnlyStringWrapper(this, "problemFile");
    private final ReadOnlyIntegerWrapper problemLine = new ReadOnlyIntegerWrapper(this, "problemLine");
    private final ObservableSet<String> editedFiles = FXCollections.observableSet();
    /** Goes up whenever the edits change other than by typing in a file (undo, revert, a form, a save). */
    private final ReadOnlyIntegerWrapper revision = new ReadOnlyIntegerWrapper(this, "revision");

    private ProjectDb db;
    private long shownId = -1;
    private String lastEditedPath;

    TaskDetailViewModel(Executor background, Executor ui, Supplier<LintContext> lint, LongConsumer onSaved) {
        this.background = background;
        this.ui = ui;
        this.lint = lint;
        this.onSaved = onSaved;
    }

    void setProject(ProjectDb project) {
        db = project;
        pending.clear();
        history.clear();
        show(-1);
    }

    /** Shows a task (or nothing for -1), reading it off the UI thread. */
    public void show(long id) {
        shownId = id;
        lastEditedPath = null;
        // never show one task's files under another's id, not even while the next one loads
        detail.set(null);
        updateState();
        if (id < 0 || db == null) {
            return;
        }
        TaskQueries queries = new TaskQueries(db);
        background.execute(() -> {
            try {
                Optional<TaskDetail> read = queries.detail(id);
                ui.execute(() -> {
                    if (shownId == id) {
                        detail.set(read.orElse(null));
                        updateState();
                    }
                });
            } catch (SQLException e) {
                ui.execute(() -> problem.set("Cannot read the task: " + e.getMessage()));
            }
        });
    }

    /** Reads the shown task again (e.g. after linting). */
    public void reload() {
        show(shownId);
    }

    public long shownId() {
        return shownId;
    }

    /** The project the shown task belongs to (null with none open). */
    ProjectDb project() {
        return db;
    }

    /** The text of a file as it is now: edited, or as stored; null when it is not a text file. */
    public String text(String path) {
        Map<String, String> edits = pending.get(shownId);
        if (edits != null && edits.containsKey(path)) {
            return edits.get(path);
        }
        TaskDetail current = detail.get();
        return current == null ? null : current.stored().task().text(path).orElse(null);
    }

    public boolean isTextFile(String path) {
        TaskDetail current = detail.get();
        return current != null && current.stored().task().file(path).map(TaskFile::isText).orElse(false);
    }

    /** Replaces a file's text; typing into the same file counts as one step for {@link #undo()}. */
    public void edit(String path, String text) {
        if (detail.get() == null || !isTextFile(path) || text.equals(text(path))) {
            return;
        }
        if (!path.equals(lastEditedPath)) {
            remember();
        }
        lastEditedPath = path;
        put(path, text);
    }

    /** Sets a metadata field in the task's config file. */
    public void setMetadata(MetadataField field, String value) {
        TaskDetail current = detail.get();
        if (current == null) {
            return;
        }
        Task task = current.stored().task();
        String path = configPath(task);
        try {
            String changed = ConfigEditor.set(task.format(), text(path), field, value);
            if (!changed.equals(text(path))) {
                remember();
                lastEditedPath = null;
                put(path, changed);
                revision.set(revision.get() + 1);
            }
        } catch (IllegalArgumentException e) {
            setProblem(path, 0, e.getMessage());
        }
    }

    /** The shown task as it reads with its edits (as stored while the edits do not read). */
    public Task currentTask() {
        TaskDetail current = detail.get();
        if (current == null) {
            return null;
        }
        Task task = current.stored().task();
        return pending.containsKey(shownId) ? edited(task).orElse(task) : task;
    }

    /** The instruction as it is now, edits included. */
    public String instruction() {
        TaskDetail current = detail.get();
        if (current == null) {
            return "";
        }
        Task task = current.stored().task();
        if (task.format() == TaskFormat.TERMINAL_BENCH_1) {
            return edited(task).map(Task::instruction).orElse(task.instruction());
        }
        String text = text(TaskLayout.HARBOR_INSTRUCTION);
        return text == null ? task.instruction() : text;
    }

    public void setInstruction(String instruction) {
        TaskDetail current = detail.get();
        if (current == null || instruction.equals(instruction())) {
            return;
        }
        Task task = current.stored().task();
        remember();
        lastEditedPath = null;
        if (task.format() == TaskFormat.TERMINAL_BENCH_1) {
            put(TaskLayout.TB1_CONFIG, ConfigEditor.setTerminalBench1Instruction(text(TaskLayout.TB1_CONFIG), instruction));
        } else {
            put(TaskLayout.HARBOR_INSTRUCTION, instruction);
        }
    }

    public void undo() {
        Deque<Map<String, String>> steps = history.get(shownId);
        if (steps == null || steps.isEmpty()) {
            return;
        }
        LinkedHashMap<String, String> previous = new LinkedHashMap<>(steps.pop());
        if (previous.isEmpty()) {
            pending.remove(shownId);
        } else {
            pending.put(shownId, previous);
        }
        lastEditedPath = null;
        updateState();
        revision.set(revision.get() + 1);
    }

    /** Drops every unsaved edit of the shown task. */
    public void revert() {
        pending.remove(shownId);
        history.remove(shownId);
        lastEditedPath = null;
        updateState();
        revision.set(revision.get() + 1);
    }

    /** Saves the shown task's edits; completes with true when they are stored. */
    public CompletableFuture<Boolean> save() {
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        long id = shownId;
        Map<String, String> edits = pending.get(id);
        if (edits == null || edits.isEmpty() || db == null) {
            done.complete(false);
            return done;
        }
        Map<String, String> snapshot = new LinkedHashMap<>(edits);
        TaskEditor editor = new TaskEditor(db, lint.get());
        TaskQueries queries = new TaskQueries(db);
        saving.set(true);
        background.execute(() -> {
            try {
                editor.save(id, snapshot);
                Optional<TaskDetail> fresh = queries.detail(id);
                ui.execute(() -> {
                    saving.set(false);
                    if (snapshot.equals(pending.get(id))) {
                        pending.remove(id);
                        history.remove(id);
                    }
                    if (shownId == id) {
                        detail.set(fresh.orElse(null));
                        updateState();
                        revision.set(revision.get() + 1);
                    }
                    onSaved.accept(id);
                    done.complete(true);
                });
            } catch (TaskDefinitionException e) {
                ui.execute(() -> {
                    saving.set(false);
                    setProblem(e.file(), e.line(), e.getMessage());
                    done.complete(false);
                });
            } catch (SQLException | RuntimeException e) {
                ui.execute(() -> {
                    saving.set(false);
                    setProblem(null, 0, "Cannot save: " + e.getMessage());
                    done.complete(false);
                });
            }
        });
        return done;
    }

    private void remember() {
        Map<String, String> edits = pending.get(shownId);
        history.computeIfAbsent(shownId, key -> new ArrayDeque<>())
                .push(edits == null ? Map.of() : new LinkedHashMap<>(edits));
    }

    private void put(String path, String text) {
        TaskDetail current = detail.get();
        String stored = current.stored().task().text(path).orElse(null);
        LinkedHashMap<String, String> edits = pending.computeIfAbsent(shownId, key -> new LinkedHashMap<>());
        if (text.equals(stored)) {
            edits.remove(path);
        } else {
            edits.put(path, text);
        }
        if (edits.isEmpty()) {
            pending.remove(shownId);
        }
        updateState();
    }

    /** The shown task as its edited files read, when they read at all. */
    private Optional<Task> edited(Task task) {
        try {
            return Optional.of(assemble(task));
        } catch (TaskDefinitionException e) {
            return Optional.empty();
        }
    }

    private Task assemble(Task task) throws TaskDefinitionException {
        Map<String, String> edits = pending.getOrDefault(shownId, new LinkedHashMap<>());
        List<TaskFile> files = new ArrayList<>();
        for (TaskFile file : task.files()) {
            String change = edits.get(file.path());
            files.add(change == null ? file : file.withContent(change.getBytes(StandardCharsets.UTF_8)));
        }
        return TaskAssembler.assemble(task.name(), task.sourcePath(), task.origin(), files);
    }

    private void updateState() {
        Map<String, String> edits = pending.get(shownId);
        dirty.set(edits != null && !edits.isEmpty());
        Deque<Map<String, String>> steps = history.get(shownId);
        canUndo.set(steps != null && !steps.isEmpty());
        editedFiles.retainAll(edits == null ? java.util.Set.of() : edits.keySet());
        if (edits != null) {
            editedFiles.addAll(edits.keySet());
        }
        validate();
    }

    /** Checks the edited files parse and the task still reads; the first problem is shown. */
    private void validate() {
        TaskDetail current = detail.get();
        Map<String, String> edits = pending.get(shownId);
        if (current == null || edits == null) {
            setProblem(null, 0, "");
            return;
        }
        for (Map.Entry<String, String> edit : edits.entrySet()) {
            Optional<org.termcurator.core.tasks.StructuredText.Problem> syntax =
                    org.termcurator.core.tasks.StructuredText.check(edit.getKey(), edit.getValue());
            if (syntax.isPresent()) {
                setProblem(edit.getKey(), syntax.get().line(), edit.getKey() + " " + syntax.get());
                return;
            }
        }
        try {
            assemble(current.stored().task());
            setProblem(null, 0, "");
        } catch (TaskDefinitionException e) {
            setProblem(e.file(), e.line(), e.getMessage());
        }
    }

    private void setProblem(String file, int line, String message) {
        problemFile.set(file);
        problemLine.set(line);
        problem.set(message);
    }

    private static String configPath(Task task) {
        return task.format() == TaskFormat.TERMINAL_BENCH_1 ? TaskLayout.TB1_CONFIG : TaskLayout.HARBOR_CONFIG;
    }

    public ReadOnlyObjectProperty<TaskDetail> detailProperty() {
        return detail.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty savingProperty() {
        return saving.getReadOnlyProperty();
    }

    /** The first problem of the edits ("task.toml line 3: ..."), or empty. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemFileProperty() {
        return problemFile.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty problemLineProperty() {
        return problemLine.getReadOnlyProperty();
    }

    /** Paths of the shown task's files with unsaved edits. */
    public ObservableSet<String> editedFiles() {
        return editedFiles;
    }
}
