package org.termcurator.core.verifier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The verifier's verdict from /logs/verifier: reward.txt (one number) wins over reward.json
 * (a flat map name -> number). The main reward of a reward.json is its "reward" entry, else
 * the mean of its entries.
 */
public record Rewards(Double reward, Map<String, Double> all) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Reads the verifier folder; throws with the file and what is wrong when a file is unusable. */
    public static Rewards read(Path verifierDir) throws IOException {
        Path text = verifierDir.resolve("reward.txt");
        Path json = verifierDir.resolve("reward.json");
        if (Files.isRegularFile(text)) {
            String content = Files.readString(text).strip();
            String first = content.isEmpty() ? "" : content.split("\\s+")[0];
            try {
                double value = Double.parseDouble(first);
                if (!Double.isFinite(value)) {
                    throw new NumberFormatException();
                }
                return new Rewards(value, Map.of("reward", value));
            } catch (NumberFormatException e) {
                throw new IOException("/logs/verifier/reward.txt holds '" + abbreviate(content) + "', not a number");
            }
        }
        if (Files.isRegularFile(json)) {
            JsonNode root;
            try {
                root = JSON.readTree(json.toFile());
            } catch (IOException e) {
                throw new IOException("/logs/verifier/reward.json is not valid JSON: " + e.getMessage());
            }
            if (root == null || !root.isObject()) {
                throw new IOException("/logs/verifier/reward.json is not a JSON object of name -> number");
            }
            Map<String, Double> all = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> entry : root.properties()) {
                if (!entry.getValue().isNumber()) {
                    throw new IOException("/logs/verifier/reward.json: \"" + entry.getKey() + "\" is not a number");
                }
                double value = entry.getValue().doubleValue();
                if (!Double.isFinite(value)) {
                    throw new IOException("/logs/verifier/reward.json: \"" + entry.getKey() + "\" is "
                            + entry.getValue().asText() + ", beyond what a reward can be (not a finite number)");
                }
                all.put(entry.getKey(), value);
            }
            if (all.isEmpty()) {
                throw new IOException("/logs/verifier/reward.json holds no reward");
            }
            Double main = all.containsKey("reward") ? all.get("reward")
                    : all.values().stream().mapToDouble(Double::doubleValue).average().orElse(0);
            return new Rewards(main, all);
        }
        return new Rewards(null, Map.of());
    }

    private static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }
}
