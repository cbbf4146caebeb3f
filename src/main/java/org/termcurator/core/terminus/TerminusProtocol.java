package org.termcurator.core.terminus;

/**
 * The fixed words and limits of the Terminus turn protocol that the live agent, the importers and
 * the prompts all share (FORMATS.md §6).
 */
public final class TerminusProtocol {

    /** What Terminus waits after a command that names no duration. */
    public static final double DEFAULT_DURATION_SEC = 1.0;
    /** The longest wait one command may ask for. */
    public static final double MAX_DURATION_SEC = 60;
    /** How the harness starts its answer to a turn that did not parse. */
    public static final String PARSING_ERRORS_PREFIX = "Previous response had parsing errors:";
    /** How the harness starts its answer to a turn that parsed with warnings. */
    public static final String WARNINGS_PREFIX = "Previous response had warnings:";

    private TerminusProtocol() {
    }

    /**
     * What the harness said about the answer before, where {@code content} is its reply to one:
     * "parsing errors" (the answer was refused), "warnings", or null for an ordinary prompt.
     */
    public static String harnessReply(String content) {
        if (content == null) {
            return null;
        }
        String head = content.stripLeading();
        if (head.startsWith(PARSING_ERRORS_PREFIX)) {
            return "parsing errors";
        }
        return head.startsWith(WARNINGS_PREFIX) ? "warnings" : null;
    }

    /** The command's wait, or the default when it names none. */
    public static double duration(TerminalCommand command) {
        return command.duration() == null ? DEFAULT_DURATION_SEC : command.duration();
    }
}
