package org.termcurator.core.rollouts.images;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps the base images that task Dockerfiles name (often in registries a lab cannot reach) to
 * images that exist locally. A pattern is an exact reference ({@code ubuntu:24.04}) or a glob
 * where {@code *} matches any run of characters and {@code ?} one character
 * ({@code ghcr.io/laude-institute/t-bench/ubuntu-24-04*}). Exact patterns win over globs; among
 * globs the first one added wins.
 */
public final class BaseImageMap {

    /** FROM [--flag=value ...] image [AS name]; the image is group 2. */
    private static final Pattern FROM = Pattern.compile(
            "^(\\s*FROM\\s+(?:--\\S+\\s+)*)(\\S+)(.*)$", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern STAGE_NAME = Pattern.compile("(?i)^\\s+AS\\s+(\\S+)");

    private final Map<String, String> exact = new LinkedHashMap<>();
    private final Map<Pattern, String> globs = new LinkedHashMap<>();
    private final Map<String, String> asGiven = new LinkedHashMap<>();

    public static BaseImageMap of(Map<String, String> mappings) {
        BaseImageMap map = new BaseImageMap();
        mappings.forEach(map::put);
        return map;
    }

    public static BaseImageMap empty() {
        return new BaseImageMap();
    }

    /** Adds (or replaces) a mapping. */
    public BaseImageMap put(String pattern, String image) {
        String from = pattern.strip();
        String to = image.strip();
        if (from.isEmpty() || to.isEmpty()) {
            throw new IllegalArgumentException("a base-image mapping needs a pattern and an image: '"
                    + pattern + "=" + image + "'");
        }
        asGiven.put(from, to);
        if (from.contains("*") || from.contains("?")) {
            globs.put(glob(from), to);
        } else {
            exact.put(from, to);
        }
        return this;
    }

    /** Parses {@code PATTERN=IMAGE} (the CLI's --image-map). */
    public BaseImageMap put(String assignment) {
        int eq = assignment.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("expected PATTERN=IMAGE, got '" + assignment + "'");
        }
        return put(assignment.substring(0, eq), assignment.substring(eq + 1));
    }

    public Map<String, String> mappings() {
        return Map.copyOf(asGiven);
    }

    public boolean isEmpty() {
        return asGiven.isEmpty();
    }

    /** The local image for {@code reference}, or null when no pattern matches. */
    public String resolve(String reference) {
        List<String> candidates = new ArrayList<>(List.of(reference));
        if (!hasTagOrDigest(reference)) {
            candidates.add(reference + ":latest"); // "ubuntu" means "ubuntu:latest"
        }
        for (String candidate : candidates) {
            String hit = exact.get(candidate);
            if (hit != null) {
                return hit;
            }
        }
        for (Map.Entry<Pattern, String> glob : globs.entrySet()) {
            for (String candidate : candidates) {
                if (glob.getKey().matcher(candidate).matches()) {
                    return glob.getValue();
                }
            }
        }
        return null;
    }

    /**
     * Rewrites the FROM lines of a Dockerfile through the map. Names of earlier build stages
     * ({@code FROM build AS final}) are left alone.
     */
    public Rewrite rewrite(String dockerfile) {
        List<String> stages = new ArrayList<>();
        List<String> changes = new ArrayList<>();
        List<String> baseImages = new ArrayList<>();
        StringBuilder out = new StringBuilder(dockerfile.length() + 64);
        for (String line : dockerfile.split("(?<=\n)", -1)) {
            String body = line.endsWith("\n") ? line.substring(0, line.length() - 1) : line;
            String newline = line.substring(body.length());
            Matcher matcher = FROM.matcher(body);
            if (!matcher.matches()) {
                out.append(line);
                continue;
            }
            String image = matcher.group(2);
            String rest = matcher.group(3);
            boolean earlierStage = stages.contains(image);
            String target = earlierStage ? null : resolve(image);
            Matcher stage = STAGE_NAME.matcher(rest);
            if (stage.find()) {
                stages.add(stage.group(1));
            }
            if (!earlierStage) {
                baseImages.add(target == null ? image : target);
            }
            if (target == null) {
                out.append(line);
            } else {
                changes.add(image + " -> " + target);
                out.append(matcher.group(1)).append(target).append(rest).append(newline);
            }
        }
        return new Rewrite(out.toString(), List.copyOf(changes), List.copyOf(baseImages));
    }

    /**
     * A rewritten Dockerfile.
     *
     * @param changes "from -> to" for each rewritten line
     * @param baseImages every external image the Dockerfile builds FROM, after rewriting
     */
    public record Rewrite(String dockerfile, List<String> changes, List<String> baseImages) {
    }

    private static boolean hasTagOrDigest(String reference) {
        int slash = reference.lastIndexOf('/');
        return reference.indexOf(':', slash + 1) >= 0 || reference.contains("@");
    }

    private static Pattern glob(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }
}
