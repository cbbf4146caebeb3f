package org.termcurator.core.rollouts.agents;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.termcurator.core.docker.DockerEngineException;
import org.termcurator.core.rollouts.container.RecordedCommand;

/** Runs the task's reference solution: solution/ is copied to /solution and solve.sh runs there. */
public final class OracleAgent implements Agent {

    static final String COMMAND = "bash /solution/solve.sh";

    @Override
    public String kind() {
        return AgentKind.ORACLE.key();
    }

    @Override
    public String name() {
        return "oracle";
    }

    @Override
    public void run(AgentContext context) throws AgentException, AgentTimeoutException, DockerEngineException,
            InterruptedException {
        if (!Files.isRegularFile(context.task().solutionDir().resolve("solve.sh"))) {
            throw new AgentException(context.task().solutionDir().resolve("solve.sh")
                    + " is missing: the task has no reference solution");
        }
        try {
            context.container().copyFolder(context.task().solutionDir(), "/solution");
        } catch (IOException e) {
            throw new AgentException("cannot copy " + context.task().solutionDir() + " into the container: "
                    + e.getMessage(), e);
        }
        double castTime = context.cast().elapsed();
        context.cast().marker("step 1");
        long started = System.nanoTime();
        RecordedCommand.Outcome outcome;
        try {
            outcome = context.runCommand(List.of("bash", "/solution/solve.sh"));
        } catch (AgentTimeoutException e) {
            context.record(step(castTime, (System.nanoTime() - started) / 1e9)
                    .observation("(solve.sh did not finish in time)").extra("timed_out", true));
            throw e;
        }
        context.exitCode(outcome.exitCode());
        context.record(step(castTime, (System.nanoTime() - started) / 1e9)
                .observation(outcome.output())
                .extra("exit_code", outcome.exitCode()));
    }

    private RolloutStep.Draft step(double castTime, double seconds) {
        return RolloutStep.Draft.agent()
                .message("Run the reference solution.")
                .toolCall(RolloutStep.ToolCall.bash("call_1", COMMAND + "\n", Math.round(seconds * 1000) / 1000.0))
                .castTime(castTime);
    }
}
