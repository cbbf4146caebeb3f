package org.termcurator.core.rollouts.agents;

import java.util.ArrayList;
import java.util.List;
import org.termcurator.core.docker.DockerEngineException;
import org.termcurator.core.llm.ChatClient.Answer;
import org.termcurator.core.llm.ChatClient.Message;
import org.termcurator.core.llm.ChatClient;
import org.termcurator.core.llm.ChatEndpoint;
import org.termcurator.core.llm.ChatException;
import org.termcurator.core.llm.RetryPolicy;
import org.termcurator.core.llm.TokenUsage;
import org.termcurator.core.rollouts.container.AgentTerminal;
import org.termcurator.core.settings.Settings;
import org.termcurator.core.terminal.TerminalText;
import org.termcurator.core.terminus.TerminalCommand;
import org.termcurator.core.terminus.TerminusProtocol;
import org.termcurator.core.terminus.TerminusCodec;
import org.termcurator.core.terminus.TerminusTurn;

/**
 * A Terminus-style LLM agent: each turn the model answers with a JSON object of analysis,
 * plan, keystrokes and task_complete; the keystrokes are typed into the container's terminal
 * and the new output (at most ~10 kB, head and tail) is the next message. Unparsable answers
 * get the errors back; a first task_complete asks for confirmation, a second one in a row
 * ends the episode. Every turn is a step, with its tokens and cost.
 */
public final class TerminusAgent implements Agent {

    /**
     * How the agent runs: turns at most, terminal output per message, sampling temperature,
     * and prices in USD per million tokens (0: unknown) for endpoints that report no cost.
     */
    public record Options(int maxTurns, int outputLimitBytes, double temperature, double inputPricePerMTok,
                          double outputPricePerMTok) {

        public static final Options DEFAULTS = new Options(100, 10_000, 0.7, 0, 0);

        public Options {
            if (maxTurns < 1) {
                throw new IllegalArgumentException("max turns must be at least 1, got " + maxTurns);
            }
        }

        public Options withMaxTurns(int turns) {
            return new Options(turns, outputLimitBytes, temperature, inputPricePerMTok, outputPricePerMTok);
        }

        public Options withPrices(double inputPerMTok, double outputPerMTok) {
            return new Options(maxTurns, outputLimitBytes, temperature, inputPerMTok, outputPerMTok);
        }

        /** The endpoint's own cost when it reports one, else the priced tokens, else null. */
        Double cost(Answer answer) {
            if (answer.reportedCostUsd() != null) {
                return answer.reportedCostUsd();
            }
            if (inputPricePerMTok <= 0 && outputPricePerMTok <= 0) {
                return null;
            }
            return (answer.promptTokens() * inputPricePerMTok + answer.completionTokens() * outputPricePerMTok) / 1e6;
        }
    }

    private final ChatClient client;
    private final Options options;

    public TerminusAgent(ChatClient client, Options options) {
        this.client = client;
        this.options = options;
    }

    /**
     * The agent as settings describe it, with what the caller overrides (null: the setting).
     * The API key is read from the environment variable only when a request is sent.
     *
     * @throws IllegalArgumentException when the endpoint, model or variable name is missing or malformed
     */
    public static TerminusAgent fromSettings(Settings settings, String baseUrl, String model, String apiKeyEnv,
                                             int maxTurns) {
        Settings.AgentEndpoint configured = settings.getAgentEndpoint();
        ChatEndpoint chat = new ChatEndpoint(baseUrl != null ? baseUrl : configured.baseUrl(),
                model != null ? model : configured.model(), apiKeyEnv != null ? apiKeyEnv : settings.getApiKeyEnvVar());
        Options options = Options.DEFAULTS.withMaxTurns(maxTurns)
                .withPrices(configured.inputPricePerMTok(), configured.outputPricePerMTok());
        return new TerminusAgent(new ChatClient(chat, RetryPolicy.standard(), System::getenv, new TokenUsage()), options);
    }

    @Override
    public String kind() {
        return AgentKind.LLM.key();
    }

    @Override
    public String name() {
        return "terminus";
    }

    @Override
    public String model() {
        return client.endpoint().model();
    }

    @Override
    public void run(AgentContext context) throws AgentException, AgentTimeoutException, DockerEngineException,
            InterruptedException {
        AgentTerminal terminal = context.terminal();
        String screen = terminal.screen();
        terminal.newOutput(); // later turns see only what comes after this screen
        String prompt = TerminusPrompts.first(context.task().instruction(), screen);
        List<Message> messages = new ArrayList<>(List.of(Message.user(prompt)));
        context.record(RolloutStep.Draft.system().message(prompt).extra("terminal", terminal.kind()));
        boolean askedToConfirm = false;
        for (int turn = 1; turn <= options.maxTurns(); turn++) {
            context.checkTime();
            Answer reply = ask(context, messages);
            messages.add(Message.assistant(reply.content()));
            RolloutStep.Draft step = RolloutStep.Draft.agent().model(model()).message(reply.content())
                    .reasoning(reply.reasoning()).metrics(new RolloutStep.StepMetrics((int) reply.promptTokens(),
                            (int) reply.completionTokens(), (int) reply.cachedTokens(), options.cost(reply)))
                    .extra("turn", turn);
            if (!reply.retries().isEmpty()) {
                step.extra("retries", reply.retries());
            }
            TerminusTurn response = TerminusCodec.strict(reply.content());
            if (!response.ok()) {
                String feedback = TerminusPrompts.parseErrors(response.errors());
                context.record(step.parseStatus("parse_error").observation(feedback));
                messages.add(Message.user(feedback));
                askedToConfirm = false;
                continue;
            }
            step.parseStatus(response.commands().isEmpty() && !response.complete() ? "empty" : "ok")
                    .castTime(context.cast().elapsed())
                    .extra("analysis", response.analysis()).extra("plan", response.plan());
            context.cast().marker("step " + turn);
            int call = 0;
            for (TerminalCommand command : response.commands()) {
                double duration = TerminusProtocol.duration(command);
                step.toolCall(RolloutStep.ToolCall.bash("call_" + turn + "_" + ++call, command.keystrokes(), duration));
                try {
                    TerminusCommands.type(context, terminal, command.keystrokes(), duration);
                } catch (AgentTimeoutException e) {
                    context.record(step.observation(TerminalText.truncate(terminal.newOutput(), options.outputLimitBytes())));
                    throw e;
                }
            }
            String output = TerminalText.truncate(terminal.newOutput(), options.outputLimitBytes());
            if (response.complete()) {
                step.toolCall(new RolloutStep.ToolCall("call_" + turn + "_" + ++call,
                        RolloutStep.ToolCall.MARK_TASK_COMPLETE, java.util.Map.of()));
                if (askedToConfirm) {
                    context.record(step.observation(output).extra("confirmed", true));
                    return;
                }
                askedToConfirm = true;
                String question = TerminusPrompts.withWarnings(response.warnings(), TerminusPrompts.confirm(output));
                context.record(step.observation(question));
                messages.add(Message.user(question));
            } else {
                askedToConfirm = false;
                String next = TerminusPrompts.withWarnings(response.warnings(), TerminusPrompts.newOutput(output));
                context.record(step.observation(next));
                messages.add(Message.user(next));
            }
        }
        // Out of turns: the verifier judges what is there, as it would after a timeout.
    }

    private Answer ask(AgentContext context, List<Message> messages)
            throws AgentException, AgentTimeoutException, InterruptedException {
        try {
            return client.complete(messages, options.temperature(), null, context.remaining());
        } catch (ChatException e) {
            if (context.remaining().isZero()) {
                throw new AgentTimeoutException("the agent's time ran out waiting for the model: " + e.getMessage());
            }
            throw new AgentException("the model endpoint failed: " + e.getMessage(), e);
        }
    }
}
