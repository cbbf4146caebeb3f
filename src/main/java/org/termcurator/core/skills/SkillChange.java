package org.termcurator.core.skills;

import java.sql.SQLException;
import java.util.List;

/**
 * An edit of the taxonomy that can be undone: {@link #apply} makes it and returns the change
 * that reverses it.
 */
public sealed interface SkillChange {

    String label();

    SkillChange apply(SkillStore skills) throws SQLException;

    record Add(Long parentId, SkillKind kind, String name, String description, List<String> examples, int position)
            implements SkillChange {
        @Override
        public String label() {
            return "Add " + kind.key();
        }

        @Override
        public SkillChange apply(SkillStore skills) throws SQLException {
            SkillNode added = skills.add(parentId, kind, name, description, examples, position);
            return new Delete(added.id(), label());
        }
    }

    record Rename(long id, String name) implements SkillChange {
        @Override
        public String label() {
            return "Rename";
        }

        @Override
        public SkillChange apply(SkillStore skills) throws SQLException {
            return new Rename(id, skills.rename(id, name).name());
        }
    }

    record Describe(long id, String description, List<String> examples) implements SkillChange {
        @Override
        public String label() {
            return "Edit description";
        }

        @Override
        public SkillChange apply(SkillStore skills) throws SQLException {
            SkillNode before = skills.describe(id, description, examples);
            return new Describe(id, before.description(), before.examples());
        }
    }

    record Move(long id, Long parentId, int position) implements SkillChange {
        @Override
        public String label() {
            return "Move";
        }

        @Override
        public SkillChange apply(SkillStore skills) throws SQLException {
            SkillNode before = skills.move(id, parentId, position);
            return new Move(id, before.parentId(), before.position());
        }
    }

    record Delete(long id, String label) implements SkillChange {
        public static Delete of(long id) {
            return new Delete(id, "Delete");
        }

        @Override
        public SkillChange apply(SkillStore skills) throws SQLException {
            return new Restore(skills.delete(id), label);
        }
    }

    record Restore(SkillStore.DeletedSubtree subtree, String label) implements SkillChange {
        @Override
        public SkillChange apply(SkillStore skills) throws SQLException {
            skills.restore(subtree);
            return new Delete(subtree.nodes().getFirst().id(), label);
        }
    }
}
