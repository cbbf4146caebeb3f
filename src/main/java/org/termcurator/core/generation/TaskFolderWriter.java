package org.termcurator.core.generation;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.termcurator.core.io.AtomicFiles;
import org.termcurator.core.io.Mappers;

/**
 * Writes a parsed task as a Harbor task folder: instruction.md, task.toml (metadata with
 * lineage), environment/ (the answer's Dockerfile or one FROM the domain's base image, and
 * the input files), tests/ (the answer's files; a test.sh that runs pytest and computes a
 * weighted reward when the answer has none). The folder is built beside its final name and
 * moved into place whole.
 */
public final class TaskFolderWriter {

    private static final ObjectMapper JSON = Mappers.json();

    private TaskFolderWriter() {
    }

    /** Writes {@code task} to {@code folder}, which must not exist yet. */
    public static void write(Path folder, ParsedTask task, Lineage lineage, String baseImage) throws IOException {
        Path staging = folder.resolveSibling("." + folder.getFileName() + ".writing");
        deleteTree(staging);
        Files.createDirectories(staging);
        try {
            Files.writeString(staging.resolve("instruction.md"), task.instruction());
            Files.writeString(staging.resolve("task.toml"), taskToml(task, lineage));
            Path environment = Files.createDirectories(staging.resolve("environment"));
            Files.writeString(environment.resolve("Dockerfile"),
                    task.dockerfile() != null ? task.dockerfile() : dockerfile(baseImage, task.environmentFiles()));
            for (var file : task.environmentFiles().entrySet()) {
                writeFile(environment.resolve(file.getKey()), file.getValue());
            }
            Path tests = Files.createDirectories(staging.resolve("tests"));
            for (var file : task.testFiles().entrySet()) {
                writeFile(tests.resolve(file.getKey()), file.getValue());
            }
            if (!task.testFiles().containsKey("test.sh")) {
                writeFile(tests.resolve("test.sh"), PromptTemplates.resource("default-test.sh"));
                writeFile(tests.resolve("reward.py"), PromptTemplates.resource("reward.py"));
            }
            if (!task.testWeights().isEmpty()) {
                Files.writeString(tests.resolve("weights.json"),
                        JSON.writerWithDefaultPrettyPrinter().writeValueAsString(new java.util.TreeMap<>(task.testWeights())) + "\n");
            }
            makeExecutable(tests.resolve("test.sh"));
            Files.move(staging, folder);
        } catch (IOException | RuntimeException e) {
            deleteTree(staging);
            throw e;
        }
    }

    static String taskToml(ParsedTask task, Lineage lineage) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("author_name", "Terminal Curator generation");
        metadata.put("difficulty", task.difficulty() != null ? task.difficulty() : lineage.difficulty());
        metadata.put("category", task.category() != null ? task.category() : lineage.domain());
        List<String> tags = new ArrayList<>(task.tags());
        if (!tags.contains("generated")) {
            tags.add("generated");
        }
        metadata.put("tags", tags);
        metadata.put("lineage", withoutNulls(lineage.summary()));
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("version", "1.0");
        document.put("metadata", metadata);
        document.put("verifier", Map.of("timeout_sec", 600.0));
        document.put("agent", Map.of("timeout_sec", 1800.0));
        Map<String, Object> environment = new LinkedHashMap<>();
        environment.put("build_timeout_sec", 600.0);
        environment.put("cpus", 1);
        environment.put("memory_mb", 2048);
        document.put("environment", environment);
        return TomlText.format(document);
    }

    private static Map<String, Object> withoutNulls(Map<String, Object> map) {
        Map<String, Object> kept = new LinkedHashMap<>();
        map.forEach((key, value) -> {
            if (value != null) {
                kept.put(key, value);
            }
        });
        return kept;
    }

    /** FROM the base image, the input files copied to /app (one COPY per top-level entry). */
    static String dockerfile(String baseImage, Map<String, String> inputFiles) {
        StringBuilder out = new StringBuilder("FROM ").append(baseImage).append("\n\nWORKDIR /app\n");
        Set<String> topLevel = new TreeSet<>();
        for (String path : inputFiles.keySet()) {
            topLevel.add(path.contains("/") ? path.substring(0, path.indexOf('/')) : path);
        }
        for (String entry : topLevel) {
            out.append("COPY ").append(entry).append(" /app/").append(entry).append('\n');
        }
        return out.toString();
    }

    private static void writeFile(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        if (content.startsWith("#!")) {
            makeExecutable(file);
        }
    }

    private static void makeExecutable(Path file) {
        try {
            Set<PosixFilePermission> permissions = EnumSet.copyOf(Files.getPosixFilePermissions(file));
            permissions.addAll(Set.of(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_EXECUTE,
                    PosixFilePermission.OTHERS_EXECUTE));
            Files.setPosixFilePermissions(file, permissions);
        } catch (IOException | UnsupportedOperationException ignored) {
            // not a POSIX file system: test.sh is run with bash explicitly anyway
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** Writes a JSON value atomically (the run manifest). */
    static void writeJson(Path file, Object value) throws IOException {
        AtomicFiles.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(value) + "\n");
    }
}
