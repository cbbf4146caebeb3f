package org.termcurator.core.llm;

import java.net.URI;

/**
 * An OpenAI-compatible chat endpoint: base URL (…/v1), model, and the NAME of the environment
 * variable that holds the API key. The key itself is read when a request is sent and is
 * never kept, logged or written anywhere.
 */
public record ChatEndpoint(String baseUrl, String model, String apiKeyEnvVar) {

    public ChatEndpoint {
        if (baseUrl == null || baseUrl.isBlank()) {
            throw new IllegalArgumentException("the endpoint needs a base URL, e.g. http://127.0.0.1:8000/v1");
        }
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("the endpoint needs a model name");
        }
        baseUrl = baseUrl.strip();
        URI uri = URI.create(baseUrl);
        if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
            throw new IllegalArgumentException("the endpoint URL must start with http:// or https:// (got " + baseUrl + ")");
        }
        apiKeyEnvVar = apiKeyEnvVar == null || apiKeyEnvVar.isBlank() ? null : apiKeyEnvVar.strip();
    }

    public URI chatCompletionsUri() {
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        return URI.create(base.endsWith("/chat/completions") ? base : base + "/chat/completions");
    }
}
