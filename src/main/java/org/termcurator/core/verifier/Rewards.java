package org.termcurator.core.verifier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.termcurator.core.io.Mappers;

/**
 * The verifier's verdict from /logs/verifier: reward.txt (one number) wins over reward.json
 * (a flat map name -> number). The main reward of a reward.json is its "reward" entry, else
 * the mean of its entries.
 */
public record Rewards(Double reward, Map<String, Double> all) {

    private static final ObjectMapper JSON = Mappers.json();

    /** Reads the verifier folder; throws with the file and what is wrong when a file is unusable. */
    public static Rewards read(Path verifierDir) throws IOException {
        Path text = verifierDir.resolve("reward.txt");
        Path json = verifierDir.resolve("reward.json");
        if (Files.isRegularFile(text)) {
            String content = Files.readString(text);
            Double value = rewardText(content);
            if (value == null) {
                throw new IOException("/logs/verifier/reward.txt holds '" + abbreviate(content.strip()) + "', not a number");
            }
            return new Rewards(value, Map.of("reward", value));
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
            for (Map.Entry<String, JsonNode> entry : root.properties()) {
                if (!entry.getValue().isNumber()) {
                    throw new IOException("/logs/verifier/reward.json: \"" + entry.getKey() + "\" is not a number");
                }
            }
            Map<String, Double> all = rewardJson(root);
            if (all.isEmpty()) {
                throw new IOException("/logs/verifier/reward.json holds no reward");
            }
            return new Rewards(main(all), all);
        }
        return new Rewards(null, Map.of());
    }

    /**
     * The number reward.txt holds: its first word, read as a finite number; null when it holds
     * none. Every reader of reward.txt (rollouts, imports, the oracle-free check) goes through here.
     */
    public static Double rewardText(String content) {
        String stripped = content == null ? "" : content.strip();
        String first = stripped.isEmpty() ? "" : stripped.split("\\s+")[0];
        try {
            double value = Double.parseDouble(first);
            return Double.isFinite(value) ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The numeric entries of a reward.json object, in file order; entries that are not numbers are left out. */
    public static Map<String, Double> rewardJson(JsonNode root) {
        Map<String, Double> all = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : root.properties()) {
            if (entry.getValue().isNumber()) {
                all.put(entry.getKey(), entry.getValue().doubleValue());
            }
        }
        return all;
    }

    /** The main reward of reward.json's entries: its "reward" entry, else their mean; null when there are none. */
    public static Double main(Map<String, Double> all) {
        if (all.isEmpty()) {
            return null;
        }
        return all.containsKey("reward") ? all.get("reward")
                : all.values().stream().mapToDouble(Double::doubleValue).average().orElse(0);
    }

    private static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }
}
