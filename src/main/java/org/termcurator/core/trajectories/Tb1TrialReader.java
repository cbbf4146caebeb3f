package org.termcurator.core.trajectories;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.termcurator.core.terminus.TerminalCommand;
import org.termcurator.core.verifier.VerifierOutputs;

/**
 * Reads one Terminal-Bench 1 trial: {@code results.json} (outcome, tests, tokens, timings),
 * Terminus episode logs as steps, the session casts, logs and tmux captures as attachments,
 * and commands.txt. A trial of a published run may hold nothing but its results.json.
 */
final class Tb1TrialReader {

    static final String FORMAT = "tb1-run";
    private static final Pattern ATTEMPT = Pattern.compile("\\.(\\d+)-of-\\d+$");

    private Tb1TrialReader() {
    }

    /** A trial folder; {@code runMetadata} is the run's run_metadata.json, or null. */
    static Trajectory readFolder(ItemFiles files, JsonNode results, byte[] runMetadataBytes, JsonNode runMetadata)
            throws IOException {
        Trajectory trajectory = fromResults(files.root().toString(), results, runMetadata);
        if (runMetadataBytes != null) {
            files.include("../../run_metadata.json", runMetadataBytes);
        }
        int episodes = EpisodeFolders.read(files, "agent-logs", trajectory);
        byte[] commands = files.read("commands.txt");
        if (commands != null) {
            trajectory.attachments().add(Attachments.text(Attachment.Kind.OTHER, "commands.txt", commands));
            if (episodes == 0) {
                addCommandSteps(trajectory, new String(commands, StandardCharsets.UTF_8));
            }
        }
        for (Path cast : files.list("sessions", ".cast")) {
            String name = cast.getFileName().toString();
            Attachment.Kind kind = name.startsWith("tests") ? Attachment.Kind.TESTS_CAST : Attachment.Kind.AGENT_CAST;
            trajectory.attachments().add(Attachments.cast(kind, "sessions/" + name, files.read(cast)));
        }
        for (Path log : files.list("sessions", ".log")) {
            trajectory.attachments().add(Attachments.text(Attachment.Kind.LOG,
                    "sessions/" + log.getFileName(), files.read(log)));
        }
        for (Path pane : files.list("panes", ".txt")) {
            trajectory.attachments().add(Attachments.text(Attachment.Kind.PANE,
                    "panes/" + pane.getFileName(), files.read(pane)));
        }
        return trajectory.contentHash(files.hash());
    }

    /** The trajectory a results object describes (a trial's results.json, or one entry of a run's). */
    static Trajectory fromResults(String sourcePath, JsonNode results, JsonNode runMetadata) {
        Trajectory trajectory = new Trajectory(sourcePath, FORMAT).source("terminal-bench-1");
        trajectory.taskName(Json.text(results, "task_id"));
        String trialName = Json.text(results, "trial_name");
        trajectory.trialName(trialName);
        if (trialName != null) {
            Matcher attempt = ATTEMPT.matcher(trialName);
            if (attempt.find()) {
                trajectory.attempt(Integer.parseInt(attempt.group(1)));
            }
        }
        if (runMetadata != null) {
            trajectory.agent(Json.text(runMetadata, "agent_name"));
            trajectory.model(Json.text(runMetadata, "model_name"));
            String dataset = Json.text(runMetadata, "dataset_name");
            if (dataset != null) {
                trajectory.source(dataset);
            }
        }
        trajectory.resolved(Json.booleanValue(results, "is_resolved"));
        if (trajectory.resolved() != null) {
            trajectory.reward(trajectory.resolved() ? 1.0 : 0.0);
        }
        trajectory.failureMode(Json.text(results, "failure_mode"));
        trajectory.inputTokens(Json.longValue(results, "total_input_tokens"));
        trajectory.outputTokens(Json.longValue(results, "total_output_tokens"));
        trajectory.startedAt(Json.text(results, "trial_started_at"));
        trajectory.finishedAt(Json.text(results, "trial_ended_at"));
        Timings.phase(trajectory.timings(), "agent", Json.text(results, "agent_started_at"),
                Json.text(results, "agent_ended_at"));
        Timings.phase(trajectory.timings(), "tests", Json.text(results, "test_started_at"),
                Json.text(results, "test_ended_at"));
        Timings.phase(trajectory.timings(), "trial", trajectory.startedAt(), trajectory.finishedAt());
        JsonNode parserResults = results.get("parser_results");
        if (parserResults != null && parserResults.isObject()) {
            trajectory.tests().addAll(VerifierOutputs.parserResults(parserResults));
        }
        trajectory.extra().set("results.json", results);
        return trajectory;
    }

    /** Without Terminus logs, the keystrokes the harness sent are the best record of what the agent did. */
    private static void addCommandSteps(Trajectory trajectory, String commands) {
        String[] lines = commands.split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            Step step;
            try {
                List<TerminalCommand> keys = PythonLiteral.parseStrings(lines[i]).stream()
                        .map(key -> new TerminalCommand(key, null)).toList();
                step = Step.builder("assistant").commands(keys).parseStatus(ParseStatus.OK).build();
            } catch (IllegalArgumentException e) {
                step = Step.builder("assistant").message(lines[i]).parseStatus(ParseStatus.PARSE_ERROR,
                        "commands.txt line " + (i + 1) + ": " + e.getMessage()).build();
            }
            trajectory.addStep(step);
        }
    }

    static Path runFolderOf(Path trialFolder) {
        Path task = trialFolder.getParent();
        return task == null ? null : task.getParent();
    }
}
