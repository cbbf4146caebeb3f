package org.termcurator.core.jobs;

/** What running work uses to report progress and to notice that it was cancelled. */
public interface JobContext {

    /** Reports {@code done} of {@code total} units; a total of zero or less means unknown. */
    void progress(long done, long total);

    /** A short line saying what the work is doing now. */
    void message(String message);

    boolean isCancelled();

    /** Throws {@link JobCancelledException} when cancel was asked for: call it between whole units of work. */
    default void checkCancelled() {
        if (isCancelled()) {
            throw new JobCancelledException();
        }
    }

    /** A context for running work directly (e.g. from the CLI) with no one watching. */
    static JobContext unobserved() {
        return cancelledWhen(() -> Thread.currentThread().isInterrupted());
    }

    /** A context that reports nothing and is cancelled once {@code cancelled} says so. */
    static JobContext cancelledWhen(java.util.function.BooleanSupplier cancelled) {
        return new JobContext() {
            @Override
            public void progress(long done, long total) {
            }

            @Override
            public void message(String message) {
            }

            @Override
            public boolean isCancelled() {
                return cancelled.getAsBoolean();
            }
        };
    }
}
