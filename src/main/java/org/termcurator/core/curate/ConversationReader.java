package org.termcurator.core.curate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads the conversations (and Terminal-Corpus columns) of a batch of trajectories. */
final class ConversationReader {

    private ConversationReader() {
    }

    static Map<Long, Conversation> conversations(Connection connection, List<Long> ids) throws SQLException {
        Map<Long, ConversationBuilder> builders = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT " + FeatureScanner.STEP_COLUMNS
                + " FROM steps WHERE trajectory_id IN (" + placeholders(ids.size()) + ") ORDER BY trajectory_id, idx")) {
            bind(select, ids);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    builders.computeIfAbsent(rows.getLong(1), id -> new ConversationBuilder()).add(rows.getString(2),
                            rows.getString(3), rows.getString(4), rows.getString(5), rows.getString(6),
                            rows.getBoolean(7), rows.getString(8), rows.getString(9), rows.getBoolean(10));
                }
            }
        }
        Map<Long, Conversation> conversations = new HashMap<>();
        builders.forEach((id, builder) -> conversations.put(id, builder.build()));
        return conversations;
    }

    static Map<Long, RowWriter.CorpusColumns> corpusColumns(Connection connection, List<Long> ids) throws SQLException {
        Map<Long, RowWriter.CorpusColumns> columns = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT id, agent, model, "
                + "json_extract(extra, '$.row.model_provider'), coalesce(json_extract(extra, '$.row.date'), started_at), "
                + "task_name, json_extract(extra, '$.row.episode'), json_extract(extra, '$.row.run_id'), trial_name, "
                + "json_extract(extra, '$.row.enable_thinking'), coalesce(source, format) "
                + "FROM trajectories WHERE id IN (" + placeholders(ids.size()) + ")")) {
            bind(select, ids);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    Object thinking = rows.getObject(10);
                    Boolean enableThinking = thinking == null ? null
                            : thinking instanceof Number number ? number.intValue() != 0
                            : Boolean.valueOf(thinking.toString());
                    columns.put(rows.getLong(1), new RowWriter.CorpusColumns(rows.getString(2), rows.getString(3),
                            rows.getString(4), rows.getString(5), rows.getString(6), text(rows.getObject(7)),
                            text(rows.getObject(8)), rows.getString(9), enableThinking, rows.getString(11)));
                }
            }
        }
        return columns;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static String placeholders(int count) {
        return "?" + ",?".repeat(Math.max(0, count - 1));
    }

    private static void bind(PreparedStatement statement, List<Long> ids) throws SQLException {
        for (int i = 0; i < ids.size(); i++) {
            statement.setLong(i + 1, ids.get(i));
        }
    }
}
