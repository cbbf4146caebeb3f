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

    /**
     * A trial folder; {@code runMetadata} is the run's run_metadata.json, or null. Without a
     * results.json ({@code results} null) the trial is named after its folder, its task after the
     * task folder holding it, and its outcome is unknown.
     */
    static Trajectory readFolder(ItemFiles files, JsonNode results, byte[] runMetadataBytes, JsonNode runMetadata)
            throws IOException {
        Trajectory trajectory = results != null ? fromResults(files.root().toString(), results, runMetadata)
                : withoutResults(files.root(), runMetadata);
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

    private static Trajectory withoutResults(Path folder, JsonNode runMetadata) {
        Trajectory trajectory = new Trajectory(folder.toString(), FORMAT);
        String trialName = folder.getFileName().toString();
        Path taskFolder = folder.getParent();
        String taskName = taskFolder == null || taskFolder.getFileName() == null ? null
                : taskFolder.getFileName().toString();
        describe(trajectory, trialName.startsWith(taskName + ".") ? taskName : null, trialName, runMetadata);
        return trajectory;
    }

    /** The trajectory a results object describes (a trial's results.json, or one entry of a run's). */
    static Trajectory fromResults(String sourcePath, JsonNode results, JsonNode runMetadata) {
        Trajectory trajectory = new Trajectory(sourcePath, FORMAT);
        describe(trajectory, Json.text(results, "task_id"), Json.text(results, "trial_name"), runMetadata);
        trajectory.resolved(Json.booleanValue(results, "is_resolved"));
        if (trajectory.resolved() != null) {
            trajectory.reward(trajectory.resolved() ? 1.0 : 0.0);
        }
        failureModes(trajectory, results.get("failure_mode"));
        Long commands = Json.longValue(results, "n_commands");
        if (commands != null) {
            trajectory.extra().put("n_commands", commands);
        }
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

    /**
     * failure_mode is one mode or, in some runs, a list of them: every mode is kept (in extra, as
     * failure_modes), and the column holds them joined, "unset" dropped when a real mode is beside it.
     */
    private static void failureModes(Trajectory trajectory, JsonNode failureMode) {
        if (failureMode == null || failureMode.isNull()) {
            return;
        }
        List<String> modes = new java.util.ArrayList<>();
        if (failureMode.isArray()) {
            failureMode.forEach(mode -> {
                if (mode.isValueNode() && !mode.asText().isBlank()) {
                    modes.add(mode.asText().strip());
                }
            });
        } else if (failureMode.isValueNode() && !failureMode.asText().isBlank()) {
            modes.add(failureMode.asText().strip());
        }
        if (modes.isEmpty()) {
            return;
        }
        trajectory.extra().set("failure_modes", Json.MAPPER.valueToTree(modes));
        List<String> real = modes.stream().filter(mode -> !mode.equals("unset")).distinct().toList();
        trajectory.failureMode(real.isEmpty() ? modes.getFirst() : String.join(", ", real));
    }

    private static void describe(Trajectory trajectory, String taskName, String trialName, JsonNode runMetadata) {
        trajectory.source("terminal-bench-1");
        trajectory.taskName(taskName);
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

    /** The run's identity: run_metadata.json's run_id or uuid, else the run folder's name. */
    static String runId(Path runFolder, JsonNode runMetadata) {
        String id = runMetadata == null ? null : Json.text(runMetadata, "run_id");
        if (id == null && runMetadata != null) {
            id = Json.text(runMetadata, "uuid");
        }
        if (id == null && runFolder != null && runFolder.getFileName() != null) {
            id = runFolder.getFileName().toString();
        }
        return id;
    }

    static Path runFolderOf(Path trialFolder) {
        Path task = trialFolder.getParent();
        return task == null ? null : task.getParent();
    }
}
