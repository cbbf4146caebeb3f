package org.termcurator.core.curate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import org.termcurator.core.io.Mappers;

/** The keystrokes of a stored commands column ([{keystrokes, duration}]), read without building a tree. */
final class CommandText {

    private static final JsonFactory JSON = Mappers.jsonFactory();

    private CommandText() {
    }

    static void appendKeystrokes(String commandsJson, StringBuilder into) {
        try (JsonParser parser = JSON.createParser(commandsJson)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.FIELD_NAME && "keystrokes".equals(parser.currentName())) {
                    if (parser.nextToken() == JsonToken.VALUE_STRING) {
                        into.append(parser.getText()).append('\n');
                    }
                }
            }
        } catch (IOException e) {
            // a damaged commands column only weakens the near-duplicate signature of its sample
        }
    }
}
