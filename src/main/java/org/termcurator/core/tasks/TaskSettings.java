package org.termcurator.core.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * What a task's config file (task.toml or task.yaml) says, in the fields the tasks table
 * keeps; {@link #config()} holds the whole file so that nothing is lost.
 *
 * @param name        the name the config gives the task, or null (the folder name is used)
 * @param instruction the instruction when the config holds it (Terminal-Bench 1), else null
 */
public record TaskSettings(String name, String category, String difficulty, List<String> tags,
                           Double agentTimeoutSec, Double verifierTimeoutSec, Double buildTimeoutSec, Double cpus,
                           Long memoryMb, Long storageMb, Boolean allowInternet, String dockerImage, String instruction,
                           JsonNode config) {

    public TaskSettings {
        tags = List.copyOf(tags);
    }
}
