package org.termcurator.core.rollouts;

/** Why a rollout did not simply run to a verdict; NONE when it did. */
public enum FailureMode {
    NONE,
    /** The task folder cannot be rolled out (task.toml, missing files). */
    TASK_INVALID,
    BUILD_FAILED,
    /** The agent ran out of time; the verifier still judged what it left. */
    AGENT_TIMEOUT,
    /** The agent itself broke (e.g. the model endpoint failed for good); not verified. */
    AGENT_ERROR,
    VERIFIER_TIMEOUT,
    /** The verifier ran but left no usable reward. */
    NO_REWARD,
    /** The container wrote more than its disk quota (storage_mb) and was stopped. */
    DISK_QUOTA,
    /** Docker failed under the rollout. */
    ENGINE_ERROR,
    CANCELLED
}
