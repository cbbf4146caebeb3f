package org.termcurator.core.rollouts.agents;

import java.util.List;
import org.termcurator.core.terminus.TerminusProtocol;

/** The messages the Terminus-style agent sends: the first prompt, and the harness's replies. */
final class TerminusPrompts {

    private TerminusPrompts() {
    }

    static String first(String instruction, String screen) {
        return """
                You are an AI assistant solving a command-line task in a Linux environment. You are given \
                the task, and you work by sending keystrokes to a terminal and reading what it shows.

                Answer every turn with exactly one JSON object of this form:
                {
                  "analysis": "What you see in the terminal, what has been done, what is still missing.",
                  "plan": "What you will do next and why.",
                  "commands": [
                    {"keystrokes": "ls -la\\n", "duration": 0.1},
                    {"keystrokes": "cd /app\\n", "duration": 0.1}
                  ],
                  "task_complete": false
                }

                Fields:
                - "analysis", "plan": strings.
                - "commands": keystrokes sent to the terminal, in order. The text is typed exactly as \
                written: end a command with "\\n" to press Enter. A keystrokes value that is exactly one \
                key name such as "C-c", "C-d", "Escape" or "Up" sends that key. "duration" is how many \
                seconds to wait for the command before the next one (default 1.0, at most 60): about 0.1 \
                for instant commands like cd and ls, more for compiling or downloading. To only wait, send \
                empty keystrokes with a duration.
                - "task_complete": true when the task is fully done. You will be asked to confirm.

                Do not start interactive programs you cannot leave by keystrokes, and never wait on \
                input that will not come.

                Task Description:
                %s

                Current terminal state:
                %s
                """.formatted(instruction.strip(), screen);
    }

    static String parseErrors(List<String> errors) {
        return TerminusProtocol.PARSING_ERRORS_PREFIX + "\n" + bullets("ERROR", errors)
                + "\n\nPlease fix these issues and answer with one valid JSON object as described.";
    }

    static String withWarnings(List<String> warnings, String message) {
        if (warnings.isEmpty()) {
            return message;
        }
        return TerminusProtocol.WARNINGS_PREFIX + "\n" + bullets("WARNINGS", warnings) + "\n\n" + message;
    }

    static String confirm(String terminalOutput) {
        return "Current terminal state:\n" + terminalOutput + "\n\n"
                + "Are you sure you want to mark the task as complete? This will trigger your solution to be "
                + "graded and you won't be able to make any further changes. If so, include "
                + "\"task_complete\": true in your JSON response again.";
    }

    static String newOutput(String terminalOutput) {
        return terminalOutput.isBlank() ? "(no new terminal output)" : terminalOutput;
    }

    private static String bullets(String label, List<String> items) {
        StringBuilder text = new StringBuilder(label).append(':');
        for (String item : items) {
            text.append("\n- ").append(item);
        }
        return text.toString();
    }
}
