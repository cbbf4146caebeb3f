package org.termcurator.core.trajectories;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Terminus's per-turn logs, {@code episode-N/prompt.txt} and {@code response.json|txt}: what
 * the model was sent and what it answered, turn by turn. They become alternating user and
 * assistant steps, the answers read with {@link TerminusSteps}.
 */
final class EpisodeFolders {

    private static final Pattern EPISODE = Pattern.compile("episode-(\\d+)");

    private EpisodeFolders() {
    }

    /** Adds the episodes under {@code folder} (relative to the item) as steps; returns how many were read. */
    static int read(ItemFiles files, String folder, Trajectory trajectory) throws IOException {
        List<Path> episodes = files.folders(folder).stream()
                .filter(path -> EPISODE.matcher(path.getFileName().toString()).matches())
                .sorted(Comparator.comparingInt(EpisodeFolders::number))
                .toList();
        for (Path episode : episodes) {
            String prompt = text(files, episode.resolve("prompt.txt"));
            if (prompt != null) {
                trajectory.addStep(TerminusSteps.user(prompt));
            }
            String response = text(files, episode.resolve("response.txt"));
            if (response == null) {
                response = text(files, episode.resolve("response.json"));
            }
            if (response != null) {
                trajectory.addStep(TerminusSteps.assistant(response));
            }
        }
        TerminusSteps.markRefusedAnswers(trajectory.steps());
        return episodes.size();
    }

    private static String text(ItemFiles files, Path file) throws IOException {
        if (!java.nio.file.Files.isRegularFile(file)) {
            return null;
        }
        return new String(files.read(file), StandardCharsets.UTF_8);
    }

    private static int number(Path episode) {
        Matcher matcher = EPISODE.matcher(episode.getFileName().toString());
        return matcher.matches() ? Integer.parseInt(matcher.group(1)) : Integer.MAX_VALUE;
    }
}
