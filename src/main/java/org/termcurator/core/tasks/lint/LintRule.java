package org.termcurator.core.tasks.lint;

/** The checks of the task linter; {@link #id()} is what findings store. */
public enum LintRule {
    MISSING_TESTS("missing-tests", LintSeverity.ERROR, "The task has no tests/test.sh (or run-tests.sh)."),
    NO_REWARD_FILE("no-reward-file", LintSeverity.ERROR,
            "Nothing under tests/ writes /logs/verifier/reward.txt or reward.json."),
    UNKNOWN_BASE_IMAGE("unknown-base-image", LintSeverity.WARNING,
            "The Dockerfile starts FROM an image that is neither local nor mapped to a local one."),
    TESTS_IN_IMAGE("tests-in-image", LintSeverity.ERROR,
            "The Dockerfile copies the tests or the solution into the image, where the agent can read them."),
    INSTRUCTION_MENTIONS_HIDDEN_PATHS("instruction-mentions-hidden-paths", LintSeverity.WARNING,
            "The instruction points at /solution or /tests, which the agent does not have."),
    BUILD_WITHOUT_NETWORK("build-without-network", LintSeverity.WARNING,
            "The image builds without network (allow_internet = false) but its Dockerfile downloads."),
    BAD_TIMEOUT("bad-timeout", LintSeverity.WARNING, "A timeout is zero, negative or absurdly long."),
    EMPTY_INSTRUCTION("empty-instruction", LintSeverity.ERROR, "The instruction is empty."),
    DUPLICATE_NAME("duplicate-name", LintSeverity.WARNING, "Another task in the project has the same name."),
    NEAR_DUPLICATE_INSTRUCTION("near-duplicate-instruction", LintSeverity.WARNING,
            "Another task's instruction is nearly identical.");

    private final String id;
    private final LintSeverity severity;
    private final String description;

    LintRule(String id, LintSeverity severity, String description) {
        this.id = id;
        this.severity = severity;
        this.description = description;
    }

    public String id() {
        return id;
    }

    public LintSeverity severity() {
        return severity;
    }

    public String description() {
        return description;
    }

    /** Rules that compare tasks with each other, run over the whole project. */
    public boolean isCrossTask() {
        return this == DUPLICATE_NAME || this == NEAR_DUPLICATE_INSTRUCTION;
    }

    public static LintRule fromId(String id) {
        for (LintRule rule : values()) {
            if (rule.id.equals(id)) {
                return rule;
            }
        }
        throw new IllegalArgumentException("unknown lint rule: " + id);
    }
}
