package org.termcurator.core.llm;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Tokens and requests spent on a run, added up from every answer's usage (thread-safe). */
public final class TokenUsage {

    private final AtomicLong promptTokens = new AtomicLong();
    private final AtomicLong completionTokens = new AtomicLong();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();

    public void addAnswer(long prompt, long completion) {
        promptTokens.addAndGet(prompt);
        completionTokens.addAndGet(completion);
        requests.incrementAndGet();
    }

    public void addRetry() {
        retries.incrementAndGet();
    }

    public long promptTokens() {
        return promptTokens.get();
    }

    public long completionTokens() {
        return completionTokens.get();
    }

    public long totalTokens() {
        return promptTokens.get() + completionTokens.get();
    }

    public long requests() {
        return requests.get();
    }

    public long retries() {
        return retries.get();
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("promptTokens", promptTokens());
        map.put("completionTokens", completionTokens());
        map.put("totalTokens", totalTokens());
        map.put("requests", requests());
        map.put("retries", retries());
        return map;
    }
}
