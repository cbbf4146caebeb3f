package org.termcurator.core.tasks.lint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.termcurator.core.docker.DockerAddress;
import org.termcurator.core.docker.DockerEngine;
import org.termcurator.core.docker.DockerEngineException;
import org.termcurator.core.docker.LocalImage;
import org.termcurator.core.project.ProjectDb;
import org.termcurator.core.io.Mappers;

/**
 * Builds the linter's inputs: the images the Docker engine has (when it answers) and the
 * project's base-image map, kept in project_meta so that the whole team's project carries
 * the lab's mapping.
 */
public final class LintSetup {

    /** The project_meta key of the base-image map (a JSON object, public image -> local image). */
    public static final String BASE_IMAGE_MAP_KEY = "base_image_map";

    private static final ObjectMapper JSON = Mappers.json();
    private static final TypeReference<Map<String, String>> MAP = new TypeReference<>() { };

    private LintSetup() {
    }

    public static Map<String, String> baseImageMap(ProjectDb db) throws SQLException {
        return db.read(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT value FROM project_meta WHERE key = ?")) {
                statement.setString(1, BASE_IMAGE_MAP_KEY);
                try (ResultSet rows = statement.executeQuery()) {
                    if (!rows.next()) {
                        return Map.of();
                    }
                    try {
                        return JSON.readValue(rows.getString(1), MAP);
                    } catch (JsonProcessingException e) {
                        throw new SQLException("the project's base-image map is not valid JSON", e);
                    }
                }
            }
        });
    }

    public static void saveBaseImageMap(ProjectDb db, Map<String, String> map) throws SQLException {
        String json;
        try {
            json = JSON.writeValueAsString(new LinkedHashMap<>(map));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        db.write(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("INSERT INTO project_meta(key, value) "
                    + "VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value")) {
                statement.setString(1, BASE_IMAGE_MAP_KEY);
                statement.setString(2, json);
                statement.executeUpdate();
            }
            return null;
        });
    }

    /** The images of the engine at {@code address}, or none known when it does not answer. */
    public static LintContext detect(ProjectDb db, DockerAddress address) throws SQLException {
        Map<String, String> map = baseImageMap(db);
        try (DockerEngine engine = DockerEngine.connect(address)) {
            Set<String> images = new HashSet<>();
            for (LocalImage image : engine.listImages()) {
                images.addAll(image.tags());
            }
            return new LintContext(images, true, map);
        } catch (DockerEngineException | RuntimeException e) {
            return LintContext.withoutDocker(map);
        }
    }
}
