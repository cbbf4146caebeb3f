package org.termcurator.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.termcurator.core.io.Mappers;
import org.termcurator.core.io.SafeText;

/**
 * Where a command's result goes: one JSON object on stdout with {@code --json}, readable
 * text otherwise. Errors always go to stderr as one line.
 */
public final class CliOutput {

    private static final ObjectMapper JSON = Mappers.outputJson();

    private final PrintWriter out;
    private final PrintWriter err;

    public CliOutput(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    /**
     * Prints {@code result} as JSON, or {@code text} when JSON was not asked for; control
     * characters in the text (from task names, files, recordings) are shown escaped, never sent
     * to the terminal to act on.
     */
    public void result(OutputOptions options, Map<String, ?> result, String text) {
        resultAsIs(options, result, SafeText.escapeControls(text));
    }

    /** As {@link #result}, the text sent as it is: for terminal output the app made itself (an ANSI rendering). */
    public void resultAsIs(OutputOptions options, Map<String, ?> result, String text) {
        if (options.json()) {
            printJson(result);
        } else {
            out.println(text);
            out.flush();
        }
    }

    public void printJson(Map<String, ?> object) {
        try {
            out.println(JSON.writeValueAsString(object));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON output", e);
        }
        out.flush();
    }

    public void error(String message, boolean json) {
        err.println("error: " + SafeText.oneLine(message));
        err.flush();
        if (json) {
            Map<String, Object> object = new LinkedHashMap<>();
            object.put("error", message);
            printJson(object);
        }
    }

    public PrintWriter out() {
        return out;
    }

    public PrintWriter err() {
        return err;
    }
}
