package org.termcurator.core.tasks.query;

/**
 * The columns the task table sorts by. Most have an index in their order, which lets a page
 * of a large result be read without sorting every match; the others sort the matches.
 */
public enum TaskSort {
    NAME("t.name", "tasks_name"),
    CATEGORY("t.category", "tasks_category"),
    DIFFICULTY("t.difficulty", "tasks_difficulty"),
    BASE_IMAGE("t.base_image", "tasks_base_image"),
    TAGS("t.tags", null),
    FORMAT("t.format", null),
    ORIGIN("t.origin", null),
    LINT_STATUS("t.lint_status", "tasks_lint_status"),
    SOLUTION("t.has_solution", null),
    TESTS("t.has_tests", null),
    INSTRUCTION_LENGTH("t.instruction_length", "tasks_instruction_length"),
    AGENT_TIMEOUT("t.agent_timeout_sec", "tasks_agent_timeout"),
    VERIFIER_TIMEOUT("t.verifier_timeout_sec", null),
    SOURCE("t.source_path", "tasks_source"),
    UPDATED("t.updated_at", "tasks_updated"),
    /** Passed over decided rollouts; tasks without a verdict sort as null (first ascending). */
    PASS_RATE("(SELECT avg(r.status = 'passed') FROM rollouts r WHERE r.task_id = t.id "
            + "AND r.status IN ('passed', 'failed'))", null);

    private final String column;
    private final String index;

    TaskSort(String column, String index) {
        this.column = column;
        this.index = index;
    }

    String column() {
        return column;
    }

    /** The index that holds the tasks in this order (with the id as tie-break), or null. */
    String index() {
        return index;
    }
}
