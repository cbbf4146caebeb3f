package org.termcurator.core.curate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.termcurator.core.project.ProjectDb;

/** The exports made from a project (table exports), each with what is needed to run it again. */
public final class ExportStore {

    private final ProjectDb db;

    public ExportStore(ProjectDb db) {
        this.db = db;
    }

    /**
     * One recorded export.
     *
     * @param counts kept/train/validation and dropped per filter
     * @param manifest the manifest JSON written beside the data
     */
    public record ExportRecord(long id, String presetName, CurationSettings settings, ExportFormat format,
                               String outPath, long seed, Map<String, Integer> counts, String manifest,
                               String createdBy, String createdAt) {
    }

    /** Records an export; returns its id. */
    public long record(String presetName, CurationSettings settings, ExportFormat format, String outPath,
                       Map<String, Integer> counts, String manifest, String createdAt) throws SQLException {
        String countsJson = json(counts);
        return db.write(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO exports (preset_name, settings, "
                    + "format, out_path, seed, counts, manifest, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                insert.setString(1, presetName);
                insert.setString(2, settings.toJson());
                insert.setString(3, format.key());
                insert.setString(4, outPath);
                insert.setLong(5, settings.seed());
                insert.setString(6, countsJson);
                insert.setString(7, manifest);
                insert.setString(8, System.getProperty("user.name"));
                insert.setString(9, createdAt);
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
    }

    /** Newest first. */
    public List<ExportRecord> list() throws SQLException {
        return db.read(connection -> {
            List<ExportRecord> records = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT id, preset_name, settings, format, "
                    + "out_path, seed, counts, manifest, created_by, created_at FROM exports ORDER BY id DESC");
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    records.add(read(rows));
                }
            }
            return records;
        });
    }

    public Optional<ExportRecord> find(long id) throws SQLException {
        return db.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT id, preset_name, settings, format, "
                    + "out_path, seed, counts, manifest, created_by, created_at FROM exports WHERE id = ?")) {
                select.setLong(1, id);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? Optional.of(read(rows)) : Optional.empty();
                }
            }
        });
    }

    private static ExportRecord read(ResultSet rows) throws SQLException {
        Map<String, Integer> counts;
        try {
            counts = SettingsJson.MAPPER.readValue(rows.getString("counts"), new TypeReference<LinkedHashMap<String, Integer>>() {
            });
        } catch (JsonProcessingException e) {
            counts = Map.of();
        }
        return new ExportRecord(rows.getLong("id"), rows.getString("preset_name"),
                CurationSettings.fromJson(rows.getString("settings")), ExportFormat.fromKey(rows.getString("format")),
                rows.getString("out_path"), rows.getLong("seed"), counts, rows.getString("manifest"),
                rows.getString("created_by"), rows.getString("created_at"));
    }

    private static String json(Map<String, Integer> counts) {
        try {
            return SettingsJson.MAPPER.writeValueAsString(counts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
