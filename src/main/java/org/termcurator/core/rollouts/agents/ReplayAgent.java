package org.termcurator.core.rollouts.agents;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.termcurator.core.docker.DockerEngineException;
import org.termcurator.core.rollouts.container.AgentTerminal;
import org.termcurator.core.terminus.TerminalCommand;
import org.termcurator.core.trajectories.AtifReader;
import org.termcurator.core.trajectories.Step;
import org.termcurator.core.trajectories.Trajectory;
import org.termcurator.core.terminus.TerminusProtocol;
import org.termcurator.core.io.Mappers;

/**
 * Types recorded commands into the terminal again, to reproduce a run: each group of
 * commands (e.g. the commands of one stored step) becomes one step, observed after its last
 * command, like the turn it came from. A command without a duration waits the Terminus default.
 */
public final class ReplayAgent implements Agent {

    private final List<List<TerminalCommand>> steps;

    private ReplayAgent(List<List<TerminalCommand>> steps) {
        this.steps = steps.stream().map(List::copyOf).toList();
    }

    /**
     * Reads commands from a file: an ATIF trajectory.json (the bash_command tool calls of each
     * agent step become one step), or a JSON list of {keystrokes, duration} (one step each).
     */
    public static ReplayAgent fromFile(Path file) throws IOException {
        JsonNode root = Mappers.recordingJson().readTree(file.toFile());
        List<List<TerminalCommand>> steps = new ArrayList<>();
        if (root != null && root.isArray()) {
            for (JsonNode item : root) {
                steps.add(List.of(command(file, item)));
            }
        } else if (root != null && root.path("steps").isArray()) {
            Trajectory trajectory;
            try {
                trajectory = AtifReader.trajectory(root, file.toString());
            } catch (IllegalArgumentException e) {
                throw new IOException(file + ": " + e.getMessage(), e);
            }
            for (Step step : trajectory.steps()) {
                if (!step.commands().isEmpty()) {
                    steps.add(step.commands());
                }
            }
        } else {
            throw new IOException(file + " is neither an ATIF trajectory nor a JSON list of commands");
        }
        return new ReplayAgent(steps);
    }

    private static TerminalCommand command(Path file, JsonNode node) throws IOException {
        if (!TerminalCommand.isCommand(node)) {
            throw new IOException(file + ": a command without a keystrokes string: " + node);
        }
        return TerminalCommand.of(node);
    }

    /** One step per command. */
    public static ReplayAgent ofCommands(List<TerminalCommand> commands) {
        return new ReplayAgent(commands.stream().map(List::of).toList());
    }

    /** One step per group of commands, e.g. the turns of a stored trajectory. */
    public static ReplayAgent ofSteps(List<List<TerminalCommand>> steps) {
        return new ReplayAgent(steps);
    }

    /** The commands, one list per step. */
    public List<List<TerminalCommand>> steps() {
        return steps;
    }

    @Override
    public String kind() {
        return AgentKind.REPLAY.key();
    }

    @Override
    public String name() {
        return "replay";
    }

    @Override
    public void run(AgentContext context) throws AgentTimeoutException, DockerEngineException, InterruptedException {
        AgentTerminal terminal = context.terminal();
        terminal.newOutput(); // what the terminal showed before the first command is not the first step's output
        int index = 0;
        for (List<TerminalCommand> group : steps) {
            index++;
            context.checkTime();
            RolloutStep.Draft draft = RolloutStep.Draft.agent().castTime(context.cast().elapsed());
            context.cast().marker("step " + index);
            int call = 0;
            for (TerminalCommand command : group) {
                double duration = TerminusProtocol.duration(command);
                draft.toolCall(RolloutStep.ToolCall.bash("call_" + index + "_" + ++call, command.keystrokes(), duration));
                TerminusCommands.type(context, terminal, command.keystrokes(), duration);
            }
            context.record(draft.observation(terminal.newOutput()));
        }
    }
}
