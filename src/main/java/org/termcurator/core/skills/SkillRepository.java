package org.termcurator.core.skills;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.termcurator.core.project.ProjectDb;
import org.termcurator.core.io.Mappers;

/**
 * The project's skill taxonomy. Siblings are numbered 0, 1, 2, … by position; every change
 * keeps that numbering and the kind rules (skill under dimension under domain) in one
 * transaction.
 */
public final class SkillRepository {

    private static final ObjectMapper JSON = Mappers.json();

    private final ProjectDb db;

    public SkillRepository(ProjectDb db) {
        this.db = db;
    }

    /** A deleted subtree (parents first) and the task links it had, so that it can be put back. */
    public record DeletedSubtree(List<SkillNode> nodes, List<long[]> taskLinks) {
        public DeletedSubtree {
            nodes = List.copyOf(nodes);
            taskLinks = List.copyOf(taskLinks);
        }
    }

    /** What importing a taxonomy did. */
    public record ImportResult(int added, int updated, int unchanged) {
    }

    public List<SkillTree> tree() throws SQLException {
        return db.read(SkillRepository::tree);
    }

    static List<SkillTree> tree(Connection connection) throws SQLException {
        List<SkillNode> nodes = all(connection);
        Map<Long, List<SkillNode>> byParent = new HashMap<>();
        for (SkillNode node : nodes) {
            byParent.computeIfAbsent(node.parentId() == null ? -1L : node.parentId(), key -> new ArrayList<>()).add(node);
        }
        return build(byParent, -1L);
    }

    private static List<SkillTree> build(Map<Long, List<SkillNode>> byParent, long parent) {
        List<SkillTree> trees = new ArrayList<>();
        for (SkillNode node : byParent.getOrDefault(parent, List.of())) {
            trees.add(new SkillTree(node, build(byParent, node.id())));
        }
        return trees;
    }

    private static List<SkillNode> all(Connection connection) throws SQLException {
        List<SkillNode> nodes = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT id, parent_id, kind, name, description, examples, position FROM skills "
                             + "ORDER BY parent_id, position, id")) {
            while (rows.next()) {
                nodes.add(read(rows));
            }
        }
        return nodes;
    }

    public Taxonomy taxonomy() throws SQLException {
        return Taxonomy.of(tree());
    }

    public boolean isEmpty() throws SQLException {
        return db.read(connection -> {
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT count(*) FROM skills")) {
                return !rows.next() || rows.getLong(1) == 0;
            }
        });
    }

    public Optional<SkillNode> find(long id) throws SQLException {
        return db.read(connection -> find(connection, id));
    }

    private static Optional<SkillNode> find(Connection connection, long id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT id, parent_id, kind, name, description, examples, position FROM skills WHERE id = ?")) {
            statement.setLong(1, id);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(read(rows)) : Optional.empty();
            }
        }
    }

    /** The primitive skills under the domain of that name (case-insensitive), in tree order. */
    public List<SkillNode> skillsOfDomain(String domain) throws SQLException {
        for (SkillTree tree : tree()) {
            if (tree.node().name().equalsIgnoreCase(domain.strip())) {
                return tree.skills();
            }
        }
        return List.of();
    }

    /** Adds a node as child number {@code position} of its parent (at the end when past it). */
    public SkillNode add(Long parentId, SkillKind kind, String name, String description, List<String> examples,
                         int position) throws SQLException {
        return db.write(connection -> {
            checkParent(connection, parentId, kind);
            List<Long> siblings = children(connection, parentId);
            int at = Math.max(0, Math.min(position, siblings.size()));
            long id = insert(connection, null, parentId, kind, checkedName(name), description, examples, at);
            siblings.add(at, id);
            renumber(connection, siblings);
            return find(connection, id).orElseThrow();
        });
    }

    public SkillNode rename(long id, String name) throws SQLException {
        return db.write(connection -> {
            SkillNode before = existing(connection, id);
            try (PreparedStatement statement = connection.prepareStatement("UPDATE skills SET name = ? WHERE id = ?")) {
                statement.setString(1, checkedName(name));
                statement.setLong(2, id);
                statement.executeUpdate();
            }
            return before;
        });
    }

    /** Sets a node's description and examples; returns the node as it was. */
    public SkillNode describe(long id, String description, List<String> examples) throws SQLException {
        return db.write(connection -> {
            SkillNode before = existing(connection, id);
            try (PreparedStatement statement = connection.prepareStatement(
                    "UPDATE skills SET description = ?, examples = ? WHERE id = ?")) {
                statement.setString(1, description == null || description.isBlank() ? null : description.strip());
                statement.setString(2, examplesJson(examples));
                statement.setLong(3, id);
                statement.executeUpdate();
            }
            return before;
        });
    }

    /**
     * Moves a node under another parent of the right kind (or within its own), as child
     * number {@code position}; returns the node as it was (its old parent and position).
     */
    public SkillNode move(long id, Long newParentId, int position) throws SQLException {
        return db.write(connection -> {
            SkillNode before = existing(connection, id);
            checkParent(connection, newParentId, before.kind());
            List<Long> oldSiblings = children(connection, before.parentId());
            oldSiblings.remove(id);
            renumber(connection, oldSiblings);
            try (PreparedStatement statement = connection.prepareStatement("UPDATE skills SET parent_id = ? WHERE id = ?")) {
                setNullable(statement, 1, newParentId);
                statement.setLong(2, id);
                statement.executeUpdate();
            }
            List<Long> newSiblings = children(connection, newParentId);
            newSiblings.remove(id);
            newSiblings.add(Math.max(0, Math.min(position, newSiblings.size())), id);
            renumber(connection, newSiblings);
            return before;
        });
    }

    /** Deletes a node and everything below it; its task links go with it (and come back on restore). */
    public DeletedSubtree delete(long id) throws SQLException {
        return db.write(connection -> {
            SkillNode root = existing(connection, id);
            List<SkillNode> nodes = new ArrayList<>();
            for (SkillTree tree : tree(connection)) {
                tree.walk(candidate -> {
                    if (candidate.node().id() == id) {
                        nodes.addAll(candidate.flatten());
                    }
                });
            }
            List<long[]> links = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT task_id FROM task_skills WHERE skill_id = ?")) {
                for (SkillNode node : nodes) {
                    statement.setLong(1, node.id());
                    try (ResultSet rows = statement.executeQuery()) {
                        while (rows.next()) {
                            links.add(new long[] {rows.getLong(1), node.id()});
                        }
                    }
                }
            }
            try (PreparedStatement statement = connection.prepareStatement("DELETE FROM skills WHERE id = ?")) {
                statement.setLong(1, id);
                statement.executeUpdate();
            }
            List<Long> siblings = children(connection, root.parentId());
            renumber(connection, siblings);
            return new DeletedSubtree(nodes, links);
        });
    }

    /** Puts a deleted subtree back with its ids, at its old place, and relinks its tasks. */
    public void restore(DeletedSubtree deleted) throws SQLException {
        db.write(connection -> {
            SkillNode root = deleted.nodes().getFirst();
            List<Long> siblings = children(connection, root.parentId());
            for (SkillNode node : deleted.nodes()) {
                insert(connection, node.id(), node.parentId(), node.kind(), node.name(), node.description(),
                        node.examples(), node.position());
            }
            siblings.add(Math.max(0, Math.min(root.position(), siblings.size())), root.id());
            renumber(connection, siblings);
            try (PreparedStatement statement = connection.prepareStatement(
                    "INSERT OR IGNORE INTO task_skills(task_id, skill_id) "
                            + "SELECT ?, ? WHERE EXISTS (SELECT 1 FROM tasks WHERE id = ?)")) {
                for (long[] link : deleted.taskLinks()) {
                    statement.setLong(1, link[0]);
                    statement.setLong(2, link[1]);
                    statement.setLong(3, link[0]);
                    statement.executeUpdate();
                }
            }
            return null;
        });
    }

    /**
     * Merges a taxonomy into the project by names: nodes found at the same path keep their id
     * (and task links) and take the file's description, examples and order; new ones are added.
     * Nodes the file does not mention stay, after the ones it orders.
     */
    public ImportResult importTaxonomy(Taxonomy taxonomy) throws SQLException {
        return db.write(connection -> {
            int[] counts = new int[3];
            mergeLevel(connection, null, SkillKind.DOMAIN, taxonomy.domains(), counts);
            return new ImportResult(counts[0], counts[1], counts[2]);
        });
    }

    private void mergeLevel(Connection connection, Long parentId, SkillKind kind, List<Taxonomy.Entry> entries,
                            int[] counts) throws SQLException {
        Map<String, SkillNode> existing = new LinkedHashMap<>();
        for (long id : children(connection, parentId)) {
            SkillNode node = find(connection, id).orElseThrow();
            existing.putIfAbsent(node.name().toLowerCase(java.util.Locale.ROOT), node);
        }
        List<Long> order = new ArrayList<>();
        for (Taxonomy.Entry entry : entries) {
            SkillNode match = existing.remove(entry.name().toLowerCase(java.util.Locale.ROOT));
            long id;
            String description = entry.description() == null || entry.description().isBlank() ? null : entry.description();
            if (match == null) {
                id = insert(connection, null, parentId, kind, checkedName(entry.name()), description, entry.examples(), 0);
                counts[0]++;
            } else {
                id = match.id();
                boolean same = Objects.equals(match.description(), description) && match.examples().equals(entry.examples())
                        && match.name().equals(entry.name());
                if (same) {
                    counts[2]++;
                } else {
                    try (PreparedStatement statement = connection.prepareStatement(
                            "UPDATE skills SET name = ?, description = ?, examples = ? WHERE id = ?")) {
                        statement.setString(1, entry.name());
                        statement.setString(2, description);
                        statement.setString(3, examplesJson(entry.examples()));
                        statement.setLong(4, id);
                        statement.executeUpdate();
                    }
                    counts[1]++;
                }
            }
            order.add(id);
            if (kind.childKind() != null) {
                mergeLevel(connection, id, kind.childKind(), entry.children(), counts);
            }
        }
        existing.values().forEach(node -> order.add(node.id()));
        renumber(connection, order);
    }

    private static SkillNode existing(Connection connection, long id) throws SQLException {
        return find(connection, id).orElseThrow(() -> new SQLException("skill " + id + " does not exist"));
    }

    private static void checkParent(Connection connection, Long parentId, SkillKind kind) throws SQLException {
        SkillKind wanted = kind.parentKind();
        if (parentId == null) {
            if (wanted != null) {
                throw new IllegalArgumentException("a " + kind.key() + " must sit under a " + wanted.key());
            }
            return;
        }
        SkillNode parent = existing(connection, parentId);
        if (parent.kind() != wanted) {
            throw new IllegalArgumentException(wanted == null
                    ? "a domain sits at the top of the taxonomy, not under '" + parent.name() + "'"
                    : "a " + kind.key() + " must sit under a " + wanted.key() + ", not under the "
                            + parent.kind().key() + " '" + parent.name() + "'");
        }
    }

    private static String checkedName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a skill name cannot be empty");
        }
        return name.strip();
    }

    private static List<Long> children(Connection connection, Long parentId) throws SQLException {
        String sql = "SELECT id FROM skills WHERE " + (parentId == null ? "parent_id IS NULL" : "parent_id = ?")
                + " ORDER BY position, id";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            if (parentId != null) {
                statement.setLong(1, parentId);
            }
            List<Long> ids = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
            return ids;
        }
    }

    private static void renumber(Connection connection, List<Long> ids) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("UPDATE skills SET position = ? WHERE id = ?")) {
            for (int i = 0; i < ids.size(); i++) {
                statement.setInt(1, i);
                statement.setLong(2, ids.get(i));
                statement.executeUpdate();
            }
        }
    }

    private static long insert(Connection connection, Long id, Long parentId, SkillKind kind, String name,
                               String description, List<String> examples, int position) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO skills(id, parent_id, kind, name, description, examples, position) VALUES (?, ?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            setNullable(statement, 1, id);
            setNullable(statement, 2, parentId);
            statement.setString(3, kind.key());
            statement.setString(4, name);
            statement.setString(5, description);
            statement.setString(6, examplesJson(examples));
            statement.setInt(7, position);
            statement.executeUpdate();
            try (ResultSet keys = statement.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private static void setNullable(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.INTEGER);
        } else {
            statement.setLong(index, value);
        }
    }

    private static SkillNode read(ResultSet rows) throws SQLException {
        long parent = rows.getLong("parent_id");
        Long parentId = rows.wasNull() ? null : parent;
        return new SkillNode(rows.getLong("id"), parentId, SkillKind.parse(rows.getString("kind")), rows.getString("name"),
                rows.getString("description"), examples(rows.getString("examples")), rows.getInt("position"));
    }

    private static String examplesJson(List<String> examples) {
        try {
            return JSON.writeValueAsString(examples == null ? List.of() : examples);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> examples(String json) {
        try {
            return json == null ? List.of() : JSON.readValue(json, new TypeReference<List<String>>() { });
        } catch (JsonProcessingException e) {
            return List.of(json);
        }
    }
}
