package org.termcurator.ui.seeds;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.termcurator.core.jobs.JobManager;
import org.termcurator.core.project.ProjectDb;
import org.termcurator.core.skills.SkillChange;
import org.termcurator.core.skills.SkillKind;
import org.termcurator.core.skills.SkillNode;
import org.termcurator.core.skills.SkillStore;
import org.termcurator.core.skills.SkillTree;
import org.termcurator.core.skills.Taxonomy;
import org.termcurator.core.skills.TaxonomyFormat;

/**
 * The Skills tab: the taxonomy as a tree, and every edit (add, rename, describe, move,
 * delete) as an undoable change. Where a dragged node may land is decided here.
 */
public final class SkillsViewModel {

    private final SkillStore skills;
    private final JobManager jobs;
    private final CommandStack<SkillChange> history;
    private final ObjectProperty<List<SkillTree>> tree = new SimpleObjectProperty<>(this, "tree", List.of());
    private final StringProperty status = new SimpleStringProperty(this, "status", "");

    public SkillsViewModel(ProjectDb db, JobManager jobs) {
        this.skills = new SkillStore(db);
        this.jobs = jobs;
        this.history = new CommandStack<>(change -> change.apply(skills), SkillChange::label, Platform::runLater);
    }

    public CommandStack<SkillChange> history() {
        return history;
    }

    public CompletableFuture<Void> reload() {
        return SeedsViewModel.background(skills::tree).thenAccept(trees -> {
            tree.set(trees);
            long count = trees.stream().mapToLong(domain -> domain.skills().size()).sum();
            if (status.get().isEmpty() || status.get().endsWith("skills")) {
                status.set(trees.size() + " domains, " + count + " skills");
            }
        });
    }

    public CompletableFuture<Void> apply(SkillChange change) {
        return history.execute(change).thenCompose(done -> reload()).exceptionally(this::report);
    }

    /** Adds a child of the kind that belongs under {@code parent} (a domain at the top when null). */
    public CompletableFuture<Void> addChild(SkillNode parent, String name) {
        SkillKind kind = parent == null ? SkillKind.DOMAIN : parent.kind().childKind();
        if (kind == null) {
            status.set("A primitive skill has no children: select a dimension to add a skill to");
            return CompletableFuture.completedFuture(null);
        }
        return apply(new SkillChange.Add(parent == null ? null : parent.id(), kind, name, null, List.of(), Integer.MAX_VALUE));
    }

    public CompletableFuture<Void> rename(SkillNode node, String name) {
        if (name == null || name.isBlank() || name.strip().equals(node.name())) {
            return reload();
        }
        return apply(new SkillChange.Rename(node.id(), name.strip()));
    }

    public CompletableFuture<Void> describe(SkillNode node, String description, List<String> examples) {
        return apply(new SkillChange.Describe(node.id(), description, examples));
    }

    public CompletableFuture<Void> delete(SkillNode node) {
        return apply(SkillChange.Delete.of(node.id()));
    }

    /**
     * Where a node dropped on {@code target} goes: before it when they are of the same kind,
     * as its last child when the target is the node's parent kind; null when it cannot go there.
     */
    public static SkillChange.Move dropMove(SkillNode dragged, SkillNode target) {
        if (dragged == null || target == null || dragged.id() == target.id()) {
            return null;
        }
        if (target.kind() == dragged.kind()) {
            int position = target.position();
            if (java.util.Objects.equals(target.parentId(), dragged.parentId()) && dragged.position() < target.position()) {
                position--; // the dragged node leaves a gap before the target
            }
            return new SkillChange.Move(dragged.id(), target.parentId(), position);
        }
        if (target.kind() == dragged.kind().parentKind()) {
            return new SkillChange.Move(dragged.id(), target.id(), Integer.MAX_VALUE);
        }
        return null;
    }

    public CompletableFuture<Void> drop(SkillNode dragged, SkillNode target) {
        SkillChange.Move move = dropMove(dragged, target);
        if (move == null) {
            status.set("A " + dragged.kind().key() + " cannot go there");
            return CompletableFuture.completedFuture(null);
        }
        return apply(move);
    }

    public CompletableFuture<Void> undo() {
        return history.undo().thenCompose(done -> reload()).exceptionally(this::report);
    }

    public CompletableFuture<Void> redo() {
        return history.redo().thenCompose(done -> reload()).exceptionally(this::report);
    }

    public void loadDefault() {
        importTaxonomy("the default taxonomy", TaxonomyFormat::defaultTaxonomy);
    }

    public void importFile(Path file) {
        importTaxonomy(file.getFileName().toString(), () -> TaxonomyFormat.read(file));
    }

    private interface TaxonomySource {
        Taxonomy read() throws Exception;
    }

    private void importTaxonomy(String name, TaxonomySource source) {
        var job = jobs.submit("Import " + name, context -> skills.importTaxonomy(source.read()));
        job.completion().whenComplete((result, failure) -> Platform.runLater(() -> {
            if (failure != null) {
                report(failure);
                return;
            }
            history.clear(); // a merge is not undone step by step
            status.set("Imported " + name + ": " + result.added() + " added, " + result.updated() + " updated, "
                    + result.unchanged() + " unchanged");
            reload();
        }));
    }

    public void exportFile(Path file) {
        var job = jobs.submit("Export taxonomy to " + file.getFileName(), context -> {
            TaxonomyFormat.write(file, skills.taxonomy());
            return file;
        });
        job.completion().whenComplete((written, failure) -> Platform.runLater(() -> {
            if (failure != null) {
                report(failure);
            } else {
                status.set("Exported the taxonomy to " + written);
            }
        }));
    }

    private Void report(Throwable failure) {
        Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        status.set("Failed: " + cause.getMessage());
        return null;
    }

    public ObjectProperty<List<SkillTree>> treeProperty() {
        return tree;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public void close() {
        history.close();
    }
}
