package org.termcurator.core.generation;

import java.nio.file.Path;
import org.termcurator.core.llm.ChatEndpoint;
import org.termcurator.core.llm.RetryPolicy;

/**
 * What a generation run makes: {@code count} tasks in {@code mode}; in seed mode from the
 * seeds matching {@code seedQuery} (full-text; all new seeds when null) and {@code domain};
 * in skill mode from {@code minSkills}–{@code maxSkills} skills sampled per task from
 * {@code domain} (any domain when null). {@code randomSeed} makes the choices repeatable.
 */
public record GenerationConfig(GenerationMode mode, int count, String domain, String seedQuery, int minSkills,
                               int maxSkills, long randomSeed, int concurrency, ChatEndpoint endpoint, Path outDir,
                               String baseImage, double temperature, RetryPolicy retry) {

    public static final String DEFAULT_BASE_IMAGE = "python:3.12-slim-bookworm";

    public GenerationConfig {
        if (count < 1) {
            throw new IllegalArgumentException("the run must make at least one task");
        }
        if (minSkills < 1 || maxSkills < minSkills) {
            throw new IllegalArgumentException("skills per task must be a range like 3-5");
        }
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1");
        }
        domain = domain == null || domain.isBlank() ? null : domain.strip();
        seedQuery = seedQuery == null || seedQuery.isBlank() ? null : seedQuery.strip();
        baseImage = baseImage == null || baseImage.isBlank() ? DEFAULT_BASE_IMAGE : baseImage.strip();
        retry = retry == null ? RetryPolicy.standard() : retry;
    }

    /** A run with the usual choices: 3–5 skills, temperature 0.7, the standard retries. */
    public static GenerationConfig of(GenerationMode mode, int count, String domain, String seedQuery, long randomSeed,
                                      int concurrency, ChatEndpoint endpoint, Path outDir) {
        return new GenerationConfig(mode, count, domain, seedQuery, 3, 5, randomSeed, concurrency, endpoint, outDir,
                null, 0.7, null);
    }

    public GenerationConfig withRetry(RetryPolicy policy) {
        return new GenerationConfig(mode, count, domain, seedQuery, minSkills, maxSkills, randomSeed, concurrency,
                endpoint, outDir, baseImage, temperature, policy);
    }

    public GenerationConfig withBaseImage(String image) {
        return new GenerationConfig(mode, count, domain, seedQuery, minSkills, maxSkills, randomSeed, concurrency,
                endpoint, outDir, image, temperature, retry);
    }
}
