package org.termcurator.core.jobs;

import java.sql.SQLException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Waiting for work a job handed to another thread (reading or writing the project). */
public final class Futures {

    private Futures() {
    }

    /**
     * The work's result; its SQLException or unchecked exception is thrown as it was, and an
     * interrupted wait counts as a cancelled job.
     */
    public static <T> T await(Future<T> future) throws SQLException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JobCancelledException();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
