package org.termcurator.core.trajectories;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Finds what to import under the paths a user gave: Terminal-Bench 1 trial folders (with a
 * trial results.json), runs whose results.json lists trials that have no folder, Harbor trial
 * folders (result.json of a trial, or agent/trajectory.json), JSONL and Parquet files of SFT
 * rows, and standalone casts, at any depth. A recognised trial folder is not searched further;
 * a Terminal-Bench 1 trial folder that lost its results.json but keeps its session recordings is
 * still one trial.
 */
final class RunDiscovery {

    /**
     * Within one given path: trial folders before bare results entries, and a run before the
     * copies nested in it, so that when the same trial turns up twice the one kept is the fuller,
     * outer one.
     */
    private static final java.util.Comparator<RunSource> FOLDERS_FIRST_SHALLOW_FIRST = java.util.Comparator
            .comparing((RunSource source) -> source instanceof RunSource.Tb1ResultsEntry)
            .thenComparingInt(source -> source.path().getNameCount());

    private final List<RunSource> sources = new ArrayList<>();

    private RunDiscovery() {
    }

    static List<RunSource> discover(List<Path> paths) {
        RunDiscovery discovery = new RunDiscovery();
        List<RunSource> ordered = new ArrayList<>();
        for (Path path : paths) {
            discovery.visit(path.toAbsolutePath().normalize(), true);
            discovery.sources.sort(FOLDERS_FIRST_SHALLOW_FIRST);
            ordered.addAll(discovery.sources);
            discovery.sources.clear();
        }
        return ordered;
    }

    private void visit(Path path, boolean named) {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            sources.add(new RunSource.Unusable(path, "no such file or folder"));
        } else if (Files.isDirectory(path)) {
            folder(path);
        } else if (!Files.isRegularFile(path)) {
            // a FIFO would block the read forever, /dev/zero would be read without end
            sources.add(new RunSource.Unusable(path, "not a regular file (a FIFO, socket or device); not read"));
        } else if (named) {
            namedFile(path);
        } else {
            foundFile(path);
        }
    }

    private void namedFile(Path file) {
        String name = file.getFileName().toString();
        if (name.equals("results.json") || name.equals("result.json")) {
            folder(file.getParent());
        } else if (name.equals(AtifReader.FILE) && file.getParent() != null
                && file.getParent().getFileName().toString().equals("agent")) {
            sources.add(new RunSource.HarborTrial(file.getParent().getParent(), folderSize(file.getParent().getParent())));
        } else if (!foundFile(file)) {
            sources.add(new RunSource.Unusable(file, "not a run format: expected a run or trial folder, "
                    + "a .jsonl or .parquet file of rows, or a .cast recording"));
        }
    }

    /** Adds a rows file or a cast; false when the file is neither. */
    private boolean foundFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        long size = fileSize(file);
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
            sources.add(new RunSource.JsonlRows(file, size));
        } else if (name.endsWith(".parquet")) {
            sources.add(new RunSource.ParquetRows(file, size));
        } else if (name.endsWith(".cast")) {
            sources.add(new RunSource.CastFile(file, size));
        } else {
            return false;
        }
        return true;
    }

    private void folder(Path dir) {
        Path results = dir.resolve("results.json");
        JsonNode runResults = null;
        if (Files.isRegularFile(results)) {
            JsonNode node = readOrReport(results);
            if (node == null) {
                return; // a trial whose results cannot be read; reported
            }
            if (node.path("results").isArray()) {
                runResults = node;
            } else if (hasAny(node, "trial_name", "task_id", "is_resolved", "parser_results")) {
                sources.add(new RunSource.Tb1Trial(dir, folderSize(dir)));
                return;
            }
        }
        if (runResults == null && isRolloutFolder(dir)) {
            sources.add(new RunSource.RolloutFolder(dir, folderSize(dir)));
            return;
        }
        if (runResults == null && isHarborTrial(dir)) {
            sources.add(new RunSource.HarborTrial(dir, folderSize(dir)));
            return;
        }
        if (runResults == null && isTb1TrialWithoutResults(dir)) {
            sources.add(new RunSource.Tb1Trial(dir, folderSize(dir)));
            return;
        }
        int before = sources.size();
        for (Path child : children(dir)) {
            visit(child, false);
        }
        if (runResults != null) {
            addEntriesWithoutFolders(results, runResults, sources.subList(before, sources.size()));
        }
    }

    private boolean isRolloutFolder(Path dir) {
        Path result = dir.resolve("result.json");
        if (!Files.isRegularFile(result)) {
            return false;
        }
        try {
            return RolloutFolderReader.isRolloutResult(Json.read(result));
        } catch (IOException e) {
            return false; // the Harbor check reports it
        }
    }

    /**
     * A Harbor trial has agent/ or verifier/ beside its result.json (the reader reports a broken
     * one), or a result.json that names its task and agent; a job's result.json summarises trials.
     */
    private boolean isHarborTrial(Path dir) {
        Path result = dir.resolve("result.json");
        boolean trialLayout = Files.isDirectory(dir.resolve("agent")) || Files.isDirectory(dir.resolve("verifier"));
        if (trialLayout && (Files.isRegularFile(result) || Files.isRegularFile(dir.resolve("agent").resolve(AtifReader.FILE)))) {
            return true;
        }
        if (!Files.isRegularFile(result)) {
            return false;
        }
        JsonNode node = readOrReport(result);
        return node != null && !node.has("n_total_trials")
                && hasAny(node, "trial_name", "task_name", "agent_info", "agent_result", "verifier_result");
    }

    /** A Terminal-Bench 1 trial folder without results.json: its sessions/ holds the recordings. */
    private static boolean isTb1TrialWithoutResults(Path dir) {
        Path sessions = dir.resolve("sessions");
        if (Files.isRegularFile(dir.resolve("result.json")) || !Files.isDirectory(sessions)) {
            return false;
        }
        return children(sessions).stream()
                .anyMatch(file -> file.getFileName().toString().endsWith(".cast") && Files.isRegularFile(file));
    }

    private void addEntriesWithoutFolders(Path runResults, JsonNode run, List<RunSource> found) {
        Set<String> trialFolders = new HashSet<>();
        for (RunSource source : found) {
            if (source instanceof RunSource.Tb1Trial trial) {
                trialFolders.add(trial.path().getFileName().toString());
            }
        }
        List<RunSource> entries = new ArrayList<>();
        JsonNode trials = run.get("results");
        long share = trials.isEmpty() ? 0 : fileSize(runResults) / trials.size();
        for (JsonNode entry : trials) {
            String trialName = Json.text(entry, "trial_name");
            if (trialName == null || !trialFolders.contains(trialName)) {
                entries.add(new RunSource.Tb1ResultsEntry(runResults, entry, share));
            }
        }
        sources.addAll(entries);
    }

    private JsonNode readOrReport(Path file) {
        try {
            JsonNode node = Json.read(file);
            if (node == null || !node.isObject()) {
                sources.add(new RunSource.Unusable(file, "expected a JSON object"));
                return null;
            }
            return node;
        } catch (IOException e) {
            sources.add(new RunSource.Unusable(file, "invalid JSON (" + Json.firstLine(e.getMessage()) + ")"));
            return null;
        }
    }

    private static boolean hasAny(JsonNode node, String... fields) {
        for (String field : fields) {
            if (node.has(field)) {
                return true;
            }
        }
        return false;
    }

    private static List<Path> children(Path dir) {
        try (Stream<Path> children = Files.list(dir)) {
            return children.filter(child -> !child.getFileName().toString().startsWith("."))
                    .filter(child -> !Files.isSymbolicLink(child))
                    .sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static long folderSize(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(RunDiscovery::fileSize).sum();
        } catch (IOException | java.io.UncheckedIOException e) {
            return 0;
        }
    }

    private static long fileSize(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }
}
