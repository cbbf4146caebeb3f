package org.termcurator.core.llm;

import java.time.Duration;

/**
 * How hard the chat client tries: attempts in all, the first back-off (doubled each retry up
 * to the cap), the longest Retry-After it will honour, and each request's timeout.
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration requestTimeout) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("at least one attempt");
        }
    }

    public static RetryPolicy standard() {
        return new RetryPolicy(5, Duration.ofSeconds(2), Duration.ofSeconds(60), Duration.ofMinutes(5));
    }

    /** The wait before retry number {@code retry} (1-based) when the server did not say. */
    public Duration backoff(int retry) {
        long millis = initialBackoff.toMillis() << Math.min(20, retry - 1);
        return Duration.ofMillis(Math.min(millis, maxBackoff.toMillis()));
    }
}
