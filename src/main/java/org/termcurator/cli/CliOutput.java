package org.termcurator.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.termcurator.core.io.Mappers;

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

    /** Prints {@code result} as JSON, or {@code text} when JSON was not asked for. */
    public void result(OutputOptions options, Map<String, ?> result, String text) {
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
        err.println("error: " + message);
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
