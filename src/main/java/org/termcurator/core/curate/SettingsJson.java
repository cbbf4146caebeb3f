package org.termcurator.core.curate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import org.termcurator.core.io.Mappers;

/** Curation settings to and from JSON, with errors that name the field at fault. */
final class SettingsJson {

    static final ObjectMapper MAPPER = Mappers.canonicalJson();

    private SettingsJson() {
    }

    static String write(CurationSettings settings) {
        try {
            return MAPPER.writeValueAsString(settings);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("curation settings cannot be written as JSON", e);
        }
    }

    static CurationSettings read(String json) {
        if (json == null || json.isBlank()) {
            throw new IllegalArgumentException("curation settings: empty");
        }
        try {
            CurationSettings settings = MAPPER.readValue(json, CurationSettings.class);
            if (settings == null) {
                throw new IllegalArgumentException("curation settings: null");
            }
            return settings;
        } catch (ValueInstantiationException e) {
            // a record's own check failed: its message already names the field
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IllegalArgumentException("curation settings: " + line(e) + cause.getMessage(), e);
        } catch (JsonMappingException e) {
            throw new IllegalArgumentException("curation settings: " + line(e) + "field '" + path(e) + "': "
                    + e.getOriginalMessage().lines().findFirst().orElse("invalid"), e);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("curation settings: not valid JSON (line "
                    + e.getLocation().getLineNr() + "): " + e.getOriginalMessage(), e);
        }
    }

    /** "line N, " where the parser knows it (the file's own line, for a file of several lines). */
    private static String line(JsonProcessingException e) {
        return e.getLocation() == null || e.getLocation().getLineNr() < 1 ? "" : "line " + e.getLocation().getLineNr() + ", ";
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "(root)" : path.toString();
    }
}
