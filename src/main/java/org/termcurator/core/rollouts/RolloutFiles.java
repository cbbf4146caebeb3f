package org.termcurator.core.rollouts;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.termcurator.core.AppVersion;
import org.termcurator.core.io.AtomicFiles;
import org.termcurator.core.io.Mappers;
import org.termcurator.core.rollouts.agents.ModelUsage;
import org.termcurator.core.rollouts.agents.RolloutStep;
import org.termcurator.core.rollouts.container.ContainerLimits;

/**
 * The files a rollout leaves in its work folder besides the casts and logs: trajectory.json
 * (ATIF, the steps with cast times and files changed under "extra") and result.json.
 */
final class RolloutFiles {

    static final String ATIF_VERSION = "ATIF-v1.4";
    private static final ObjectMapper JSON = Mappers.prettyJson();

    private RolloutFiles() {
    }

    static void writeTrajectory(Path file, RolloutResult result) throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("schema_version", ATIF_VERSION);
        root.put("session_id", result.key());
        Map<String, Object> agent = new LinkedHashMap<>();
        agent.put("name", result.agentName());
        agent.put("version", AppVersion.version());
        putIfPresent(agent, "model_name", result.model());
        root.put("agent", agent);
        List<Map<String, Object>> steps = new ArrayList<>();
        for (RolloutStep step : result.steps()) {
            steps.add(step(step));
        }
        root.put("steps", steps);
        ModelUsage usage = result.usage();
        Map<String, Object> finalMetrics = new LinkedHashMap<>();
        finalMetrics.put("total_prompt_tokens", usage.promptTokens());
        finalMetrics.put("total_completion_tokens", usage.completionTokens());
        finalMetrics.put("total_cached_tokens", usage.cachedTokens());
        finalMetrics.put("total_cost_usd", usage.costUsd());
        finalMetrics.put("total_steps", result.steps().size());
        root.put("final_metrics", finalMetrics);
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("task", result.task());
        extra.put("attempt", result.attempt());
        extra.put("status", result.status().dbValue());
        extra.put("reward", result.reward());
        extra.put("agent_cast", fileName(result.agentCast()));
        root.put("extra", extra);
        AtomicFiles.writeString(file, JSON.writeValueAsString(root));
    }

    private static Map<String, Object> step(RolloutStep step) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("step_id", step.stepId());
        out.put("timestamp", step.timestamp().toString());
        out.put("source", step.source());
        putIfPresent(out, "model_name", step.modelName());
        out.put("message", step.message());
        putIfPresent(out, "reasoning_content", step.reasoning());
        if (!step.toolCalls().isEmpty()) {
            List<Map<String, Object>> calls = new ArrayList<>();
            for (RolloutStep.ToolCall call : step.toolCalls()) {
                Map<String, Object> c = new LinkedHashMap<>();
                c.put("tool_call_id", call.id());
                c.put("function_name", call.functionName());
                c.put("arguments", call.arguments());
                calls.add(c);
            }
            out.put("tool_calls", calls);
        }
        if (step.observation() != null) {
            out.put("observation", Map.of("results", List.of(Map.of("content", step.observation()))));
        }
        if (step.metrics() != null) {
            Map<String, Object> metrics = new LinkedHashMap<>();
            putIfPresent(metrics, "prompt_tokens", step.metrics().promptTokens());
            putIfPresent(metrics, "completion_tokens", step.metrics().completionTokens());
            putIfPresent(metrics, "cached_tokens", step.metrics().cachedTokens());
            putIfPresent(metrics, "cost_usd", step.metrics().costUsd());
            out.put("metrics", metrics);
        }
        Map<String, Object> extra = new LinkedHashMap<>(step.extra());
        putIfPresent(extra, "cast_time", step.castTime());
        putIfPresent(extra, "parse_status", step.parseStatus());
        if (!step.toolCalls().isEmpty()) {
            extra.put("files_changed", step.filesChanged().stream()
                    .map(change -> Map.of("path", change.path(), "kind", change.kind().name().toLowerCase(java.util.Locale.ROOT)))
                    .toList());
        }
        if (!extra.isEmpty()) {
            out.put("extra", extra);
        }
        return out;
    }

    static void writeResult(Path file, RolloutResult result) throws IOException {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("key", result.key());
        out.put("rollout_id", result.rolloutId());
        out.put("task", result.task());
        out.put("task_dir", result.taskDir() == null ? null : result.taskDir().toString());
        out.put("agent", result.agentKind());
        out.put("agent_name", result.agentName());
        out.put("model", result.model());
        out.put("attempt", result.attempt());
        out.put("status", result.status().dbValue());
        out.put("failure_mode", result.failureMode().name().toLowerCase(java.util.Locale.ROOT));
        out.put("error", result.error());
        out.put("reward", result.reward());
        out.put("rewards", result.rewards());
        out.put("tests", result.tests().stream().map(test -> {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("name", test.name());
            t.put("status", test.status().dbValue());
            t.put("message", test.message());
            return t;
        }).toList());
        out.put("agent_exit_code", result.agentExitCode());
        out.put("verifier_exit_code", result.verifierExitCode());
        out.put("timings", result.timings());
        out.put("created_at", string(result.createdAt()));
        out.put("started_at", string(result.startedAt()));
        out.put("finished_at", string(result.finishedAt()));
        out.put("image_id", result.imageId());
        out.put("image", result.imageReference());
        out.put("image_cached", result.imageCached());
        out.put("agent_cast", fileName(result.agentCast()));
        out.put("tests_cast", fileName(result.testsCast()));
        out.put("trajectory", fileName(result.trajectoryFile()));
        ModelUsage usage = result.usage();
        out.put("usage", Map.of("prompt_tokens", usage.promptTokens(), "completion_tokens", usage.completionTokens(),
                "cached_tokens", usage.cachedTokens(), "calls", usage.calls()));
        out.put("cost_usd", usage.costUsd());
        out.put("limits", limits(result.limits()));
        AtomicFiles.writeString(file, JSON.writeValueAsString(out));
    }

    /** The container's effective limits as result.json keeps them, or null when it never had a container. */
    static Map<String, Object> limits(ContainerLimits limits) {
        if (limits == null) {
            return null;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("cpus", limits.cpus());
        out.put("memory_mb", limits.memoryMb());
        out.put("storage_mb", limits.storageMb());
        out.put("storage_enforcement", limits.storageEnforcement());
        out.put("pids_limit", limits.pidsLimit());
        out.put("cap_drop", List.of("ALL"));
        out.put("cap_add", limits.capabilities());
        out.put("no_new_privileges", limits.noNewPrivileges());
        out.put("notes", limits.notes());
        return out;
    }

    static void writeText(Path file, String text) throws IOException {
        AtomicFiles.writeString(file, text == null ? "" : text);
    }

    private static String string(Object value) {
        return value == null ? null : value.toString();
    }

    private static String fileName(Path file) {
        return file == null ? null : file.getFileName().toString();
    }

    private static void putIfPresent(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
