package org.termcurator.core.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.termcurator.core.rollouts.agents.AgentContext;

class FilesChangedTest {

    @Test
    void aStepShowsWhatItAddedChangedOrRemovedWithoutTheParentFoldersNoise() {
        Map<String, FileChange.Kind> before = new LinkedHashMap<>();
        before.put("/app", FileChange.Kind.MODIFIED);
        before.put("/app/a.txt", FileChange.Kind.ADDED);
        before.put("/app/tmp.txt", FileChange.Kind.ADDED);
        before.put("/etc/hosts", FileChange.Kind.MODIFIED);
        Map<String, FileChange.Kind> after = new LinkedHashMap<>();
        after.put("/app", FileChange.Kind.MODIFIED);
        after.put("/app/a.txt", FileChange.Kind.ADDED);
        after.put("/app/b", FileChange.Kind.ADDED);
        after.put("/app/b/c.txt", FileChange.Kind.ADDED);
        after.put("/etc/hosts", FileChange.Kind.MODIFIED);
        after.put("/usr", FileChange.Kind.MODIFIED);
        after.put("/usr/bin", FileChange.Kind.MODIFIED);
        after.put("/usr/bin/tool", FileChange.Kind.DELETED);

        assertThat(AgentContext.changesBetween(before, after)).containsExactly(
                new FileChange("/app/b", FileChange.Kind.ADDED),
                new FileChange("/app/b/c.txt", FileChange.Kind.ADDED),
                new FileChange("/app/tmp.txt", FileChange.Kind.DELETED),
                new FileChange("/usr/bin/tool", FileChange.Kind.DELETED));
        assertThat(AgentContext.changesBetween(after, after)).isEmpty();
    }

    @Test
    void whatTheHarnessPutsIntoTheContainerIsNoAgentsChange() {
        Map<String, FileChange.Kind> after = new LinkedHashMap<>();
        after.put("/logs", FileChange.Kind.ADDED);
        after.put("/logs/agent", FileChange.Kind.ADDED);
        after.put("/solution", FileChange.Kind.ADDED);
        after.put("/solution/solve.sh", FileChange.Kind.ADDED);
        after.put("/tmp", FileChange.Kind.MODIFIED);
        after.put("/tmp/tmux-0", FileChange.Kind.ADDED);
        after.put("/tmp/tmux-0/default", FileChange.Kind.ADDED);
        after.put("/tmp/notes.txt", FileChange.Kind.ADDED);
        after.put("/solutions.txt", FileChange.Kind.ADDED);
        assertThat(AgentContext.changesBetween(Map.of(), after)).containsExactly(
                new FileChange("/solutions.txt", FileChange.Kind.ADDED),
                new FileChange("/tmp/notes.txt", FileChange.Kind.ADDED));
    }
}
