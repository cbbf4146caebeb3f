package org.termcurator.core.curate;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.termcurator.core.project.ProjectDb;

/** Named curation settings kept in the project (table presets). */
public final class PresetStore {

    /** The name that stands for {@link CurationSettings#defaults()} when no preset of that name is saved. */
    public static final String DEFAULT_PRESET = "default";

    private final ProjectDb db;

    public PresetStore(ProjectDb db) {
        this.db = db;
    }

    public record PresetInfo(String name, String createdAt, String updatedAt) {
    }

    /** Saves settings under a name, replacing a preset of that name. */
    public void save(String name, CurationSettings settings) throws SQLException {
        String key = checkName(name);
        String json = settings.toJson();
        String now = Instant.now().toString();
        db.write(connection -> {
            try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO presets (name, settings, "
                    + "created_at, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT(name) DO UPDATE SET "
                    + "settings = excluded.settings, updated_at = excluded.updated_at")) {
                upsert.setString(1, key);
                upsert.setString(2, json);
                upsert.setString(3, now);
                upsert.setString(4, now);
                upsert.executeUpdate();
            }
            return null;
        });
    }

    public List<PresetInfo> list() throws SQLException {
        return db.read(connection -> {
            List<PresetInfo> presets = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT name, created_at, updated_at FROM presets ORDER BY name");
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    presets.add(new PresetInfo(rows.getString(1), rows.getString(2), rows.getString(3)));
                }
            }
            return presets;
        });
    }

    /**
     * The settings saved under a name; "default" falls back to the defaults when not saved. A
     * stored preset that no longer reads is an {@link IllegalArgumentException} naming the preset and field.
     */
    public Optional<CurationSettings> find(String name) throws SQLException {
        String json = db.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT settings FROM presets WHERE name = ?")) {
                select.setString(1, name);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? rows.getString(1) : null;
                }
            }
        });
        if (json == null) {
            return DEFAULT_PRESET.equals(name) ? Optional.of(CurationSettings.defaults()) : Optional.empty();
        }
        try {
            return Optional.of(CurationSettings.fromJson(json));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("preset '" + name + "': " + e.getMessage(), e);
        }
    }

    /** Removes a preset; false when there was none of that name. */
    public boolean delete(String name) throws SQLException {
        return db.write(connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM presets WHERE name = ?")) {
                delete.setString(1, name);
                return delete.executeUpdate() > 0;
            }
        });
    }

    private static String checkName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a preset needs a name");
        }
        return name.strip();
    }
}
