package org.termcurator.core.trajectories;

import java.util.List;
import org.termcurator.core.terminus.TerminusCodec;
import org.termcurator.core.terminus.TerminusProtocol;
import org.termcurator.core.terminus.TerminusTurn;

/**
 * The turns of a Terminus conversation as steps: an answer read by the protocol's lenient
 * codec (Terminus 1 and 2 JSON, the XML variant, a leading {@code <think>} block), and the
 * harness's replies to bad answers marked as such.
 */
final class TerminusSteps {

    private TerminusSteps() {
    }

    /** An assistant turn read into the step model. */
    static Step assistant(String content) {
        TerminusTurn turn = TerminusCodec.lenient(content);
        ParseStatus status = turn.empty() ? ParseStatus.EMPTY : turn.ok() ? ParseStatus.OK : ParseStatus.PARSE_ERROR;
        return new Step(0, "assistant", turn.body(), turn.reasoning(), turn.commands(), null, null, status,
                turn.analysis(), turn.plan(), turn.taskComplete(), turn.error(), null, null, null);
    }

    /** A user turn: marks the harness's replies to a bad answer. */
    static Step user(String content) {
        Step step = Step.of("user", content);
        String reply = TerminusProtocol.harnessReply(content);
        return reply == null ? step : step.withStatus(ParseStatus.HARNESS_ERROR, reply);
    }

    /**
     * An answer the harness replied to with parsing errors was refused, whatever it reads as
     * here: it is marked as not parsed, as the harness saw it.
     */
    static void markRefusedAnswers(List<Step> steps) {
        for (int i = 1; i < steps.size(); i++) {
            Step reply = steps.get(i);
            Step answer = steps.get(i - 1);
            if (reply.parseStatus() == ParseStatus.HARNESS_ERROR && "parsing errors".equals(reply.parseError())
                    && answer.isAssistant() && answer.parseStatus() != ParseStatus.PARSE_ERROR) {
                steps.set(i - 1, answer.withStatus(ParseStatus.PARSE_ERROR, REFUSED));
            }
        }
    }

    /** Why an answer that reads well is marked as not parsed. */
    static final String REFUSED = "the harness could not parse this answer";
}
