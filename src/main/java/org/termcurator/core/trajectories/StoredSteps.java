package org.termcurator.core.trajectories;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.termcurator.core.terminus.TerminalCommand;

/** Reads stored steps back into the model, the Terminus fields out of their place in extra. */
final class StoredSteps {

    /** Where a step's extra keeps the fields read from a Terminus answer, apart from the source's own fields. */
    static final String TERMINUS_KEY = "_terminus";

    static final String COLUMNS = "idx, role, message, reasoning, commands, observation, metrics, parse_status, "
            + "timestamp, cast_time, extra";

    private StoredSteps() {
    }

    static Step read(ResultSet rows) throws SQLException {
        ObjectNode extra = object(rows.getString("extra"));
        JsonNode terminus = extra == null ? null : extra.remove(TERMINUS_KEY);
        List<TerminalCommand> commands = new ArrayList<>();
        JsonNode commandsNode = parse(rows.getString("commands"));
        if (commandsNode != null) {
            for (JsonNode command : commandsNode) {
                commands.add(TerminalCommand.of(command));
            }
        }
        double castTime = rows.getDouble("cast_time");
        Double cast = rows.wasNull() ? null : castTime;
        return new Step(rows.getInt("idx"), rows.getString("role"), rows.getString("message"),
                rows.getString("reasoning"), commands, rows.getString("observation"), object(rows.getString("metrics")),
                ParseStatus.fromDb(rows.getString("parse_status")), Json.text(terminus, "analysis"),
                Json.text(terminus, "plan"), Json.booleanValue(terminus, "task_complete"),
                Json.text(terminus, "parse_error"), rows.getString("timestamp"), cast, extra);
    }

    static ObjectNode object(String json) {
        JsonNode node = parse(json);
        return node instanceof ObjectNode object ? object : null;
    }

    private static JsonNode parse(String json) {
        if (json == null) {
            return null;
        }
        try {
            return Json.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("a stored JSON column cannot be read: " + e.getMessage(), e);
        }
    }
}
