package org.termcurator.core.tasks.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.termcurator.core.tasks.Dockerfile;
import org.termcurator.core.tasks.Task;
import org.termcurator.core.tasks.TaskFile;
import org.termcurator.core.tasks.TaskFormat;
import org.termcurator.core.tasks.TaskLayout;

/** The rules that look at one task on its own; {@link ProjectLinter} adds those that compare tasks. */
public final class TaskLinter {

    /** A timeout longer than a day is a typo (minutes for seconds, an extra zero), not a plan. */
    public static final double MAX_SENSIBLE_TIMEOUT_SEC = 86_400;

    private static final Pattern HIDDEN_PATH = Pattern.compile("(?<![\\w.~/-])/(solution|tests)(?![\\w.-])");
    private static final Pattern REWARD_FILE = Pattern.compile("reward\\.(txt|json)");
    private static final Pattern TESTS_OR_SOLUTION = Pattern.compile(
            "(^|/)(tests|solution)(/|$)|(^|/)(solve\\.sh|solution\\.sh|solution\\.yaml|run-tests\\.sh|test_outputs\\.py)$");
    private static final Pattern JSON_STRING = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

    private TaskLinter() {
    }

    public static List<LintFinding> lint(Task task, LintContext context) {
        List<LintFinding> findings = new ArrayList<>();
        String configFile = task.format() == TaskFormat.TERMINAL_BENCH_1 ? TaskLayout.TB1_CONFIG : TaskLayout.HARBOR_CONFIG;
        String instructionFile = task.format() == TaskFormat.TERMINAL_BENCH_1 ? TaskLayout.TB1_CONFIG
                : TaskLayout.HARBOR_INSTRUCTION;
        checkInstruction(task, instructionFile, findings);
        checkTests(task, findings);
        String dockerfilePath = task.format() == TaskFormat.TERMINAL_BENCH_1 ? TaskLayout.TB1_DOCKERFILE
                : TaskLayout.HARBOR_DOCKERFILE;
        Dockerfile dockerfile = task.text(dockerfilePath).map(Dockerfile::parse).orElse(null);
        checkBaseImage(task, context, dockerfilePath, dockerfile, findings);
        if (dockerfile != null) {
            checkCopiedSecrets(task, dockerfilePath, dockerfile, findings);
            checkBuildNetwork(task, context, dockerfilePath, dockerfile, findings);
        }
        checkTimeout("agent", task.agentTimeoutSec(), configFile, findings);
        checkTimeout("verifier", task.verifierTimeoutSec(), configFile, findings);
        checkTimeout("build", task.buildTimeoutSec(), configFile, findings);
        return findings;
    }

    private static void checkInstruction(Task task, String file, List<LintFinding> findings) {
        String instruction = task.instruction();
        if (instruction == null || instruction.isBlank()) {
            findings.add(new LintFinding(LintRule.EMPTY_INSTRUCTION, "The instruction is empty.", file, 0));
            return;
        }
        if (!instruction.contains("/solution") && !instruction.contains("/tests")) {
            return; // the common case, without running the pattern over the whole text
        }
        Matcher matcher = HIDDEN_PATH.matcher(instruction);
        if (matcher.find()) {
            int line = file.equals(TaskLayout.HARBOR_INSTRUCTION) ? lineOf(instruction, matcher.start()) : 0;
            findings.add(new LintFinding(LintRule.INSTRUCTION_MENTIONS_HIDDEN_PATHS, "The instruction mentions /"
                    + matcher.group(1) + ", which exists only for the verifier or the oracle.", file, line));
        }
    }

    private static void checkTests(Task task, List<LintFinding> findings) {
        if (task.format() == TaskFormat.TERMINAL_BENCH_1) {
            if (!task.hasTests()) {
                findings.add(new LintFinding(LintRule.MISSING_TESTS, "The task has neither run-tests.sh nor tests/.",
                        TaskLayout.TB1_RUN_TESTS, 0));
            }
            return; // Terminal-Bench 1 reads the verdict from pytest's output, not from a reward file
        }
        if (task.file(TaskLayout.HARBOR_TEST).isEmpty()) {
            findings.add(new LintFinding(LintRule.MISSING_TESTS, "The task has no tests/test.sh, so it cannot be verified.",
                    TaskLayout.HARBOR_TEST, 0));
            return;
        }
        boolean writesReward = task.files().stream()
                .filter(file -> TaskLayout.isTestFile(file.path()) && file.isText())
                .anyMatch(file -> REWARD_FILE.matcher(file.text()).find());
        if (!writesReward) {
            findings.add(new LintFinding(LintRule.NO_REWARD_FILE, "tests/test.sh never writes "
                    + "/logs/verifier/reward.txt or reward.json, so every run scores as a failure.",
                    TaskLayout.HARBOR_TEST, 0));
        }
    }

    private static void checkBaseImage(Task task, LintContext context, String dockerfilePath, Dockerfile dockerfile,
                                       List<LintFinding> findings) {
        String image = task.baseImage();
        if (image == null || image.equalsIgnoreCase("scratch")) {
            return;
        }
        int line = 0;
        String file = TaskLayout.HARBOR_CONFIG;
        if (dockerfile != null) {
            file = dockerfilePath;
            line = dockerfile.instructions().stream().filter(instruction -> instruction.keyword().equals("FROM"))
                    .findFirst().map(Dockerfile.Instruction::line).orElse(0);
        }
        if (image.contains("$")) {
            findings.add(new LintFinding(LintRule.UNKNOWN_BASE_IMAGE, "The base image " + image
                    + " depends on a build argument with no default.", file, line));
            return;
        }
        if (context.isLocal(image) || context.isMapped(image)) {
            return;
        }
        String why = context.localImagesKnown() ? "is not a local image and has no mapping to one"
                : "has no mapping to a local image (Docker was not reachable, so local images are unknown)";
        findings.add(new LintFinding(LintRule.UNKNOWN_BASE_IMAGE, "The base image " + image + " " + why + ".", file, line));
    }

    /**
     * A task without internet builds its image without network unless Settings allow it: a
     * RUN that downloads (a package manager, curl, wget, git) would fail, so the lint says so
     * with the line and what to change.
     */
    private static void checkBuildNetwork(Task task, LintContext context, String dockerfilePath, Dockerfile dockerfile,
                                          List<LintFinding> findings) {
        if (Boolean.TRUE.equals(task.allowInternet()) || context.buildNetwork()) {
            return;
        }
        for (Dockerfile.Instruction instruction : dockerfile.instructions()) {
            if (!instruction.keyword().equals("RUN")) {
                continue;
            }
            Matcher download = DOWNLOADS.matcher(instruction.arguments());
            if (download.find()) {
                findings.add(new LintFinding(LintRule.BUILD_WITHOUT_NETWORK, "The image builds without network "
                        + "(allow_internet = false), but this RUN uses " + download.group(1).strip() + ". Allow network "
                        + "during image builds in Settings, or set allow_internet = true.", dockerfilePath,
                        instruction.line()));
                return;
            }
        }
    }

    private static final Pattern DOWNLOADS = Pattern.compile("(?<![\\w-])(apt-get\\s+(?:-\\S+\\s+)*(?:install|update)"
            + "|apt\\s+(?:-\\S+\\s+)*(?:install|update)|apk\\s+add|yum\\s+install|dnf\\s+install|pip3?\\s+install"
            + "|uv\\s+(?:pip|sync|add)|npm\\s+(?:install|ci)|curl\\s|wget\\s|git\\s+clone|go\\s+(?:get|install)"
            + "|cargo\\s+install|gem\\s+install)");

    private static void checkCopiedSecrets(Task task, String dockerfilePath, Dockerfile dockerfile,
                                           List<LintFinding> findings) {
        String context = dockerfilePath.contains("/") ? dockerfilePath.substring(0, dockerfilePath.lastIndexOf('/') + 1) : "";
        boolean contextHasSecrets = task.files().stream().map(TaskFile::path)
                .filter(path -> path.startsWith(context))
                .anyMatch(path -> TESTS_OR_SOLUTION.matcher(path.substring(context.length())).find());
        for (Dockerfile.Instruction instruction : dockerfile.instructions()) {
            if (!instruction.keyword().equals("COPY") && !instruction.keyword().equals("ADD")) {
                continue;
            }
            List<String> sources = copySources(instruction.arguments());
            for (String source : sources) {
                String cleaned = source.replaceFirst("^(\\./)+", "");
                boolean whole = cleaned.isEmpty() || cleaned.equals(".") || cleaned.equals("*");
                if (TESTS_OR_SOLUTION.matcher(cleaned).find() || (whole && contextHasSecrets)) {
                    String what = whole ? "the whole build context, which holds tests or the solution," : source;
                    findings.add(new LintFinding(LintRule.TESTS_IN_IMAGE, instruction.keyword() + " copies " + what
                            + " into the image, where the agent can read it.", dockerfilePath, instruction.line()));
                    break;
                }
            }
        }
    }

    /** The sources of a COPY/ADD (all arguments but the destination); none when copying from another stage. */
    static List<String> copySources(String arguments) {
        String trimmed = arguments.strip();
        List<String> parts = new ArrayList<>();
        while (trimmed.startsWith("--")) {
            String[] split = trimmed.split("\\s+", 2);
            if (split[0].toLowerCase(Locale.ROOT).startsWith("--from")) {
                return List.of();
            }
            trimmed = split.length > 1 ? split[1].strip() : "";
        }
        if (trimmed.startsWith("[")) {
            Matcher matcher = JSON_STRING.matcher(trimmed);
            while (matcher.find()) {
                parts.add(matcher.group(1));
            }
        } else if (!trimmed.isEmpty()) {
            parts.addAll(List.of(trimmed.split("\\s+")));
        }
        return parts.size() < 2 ? List.of() : parts.subList(0, parts.size() - 1);
    }

    private static void checkTimeout(String which, Double seconds, String file, List<LintFinding> findings) {
        if (seconds == null) {
            return;
        }
        if (seconds <= 0) {
            findings.add(new LintFinding(LintRule.BAD_TIMEOUT, "The " + which + " timeout is " + format(seconds)
                    + " s: nothing can finish in that time.", file, 0));
        } else if (seconds > MAX_SENSIBLE_TIMEOUT_SEC) {
            findings.add(new LintFinding(LintRule.BAD_TIMEOUT, "The " + which + " timeout is " + format(seconds)
                    + " s, more than a day: probably a wrong unit or an extra zero.", file, 0));
        }
    }

    private static String format(double seconds) {
        return seconds == Math.rint(seconds) ? String.format(Locale.ROOT, "%,d", (long) seconds)
                : String.format(Locale.ROOT, "%,.1f", seconds);
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
