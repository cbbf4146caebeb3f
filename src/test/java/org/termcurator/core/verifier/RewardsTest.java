package org.termcurator.core.verifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RewardsTest {

    @TempDir
    Path dir;

    @Test
    void rewardTxtWinsOverRewardJson() throws Exception {
        Files.writeString(dir.resolve("reward.txt"), "0.5\n");
        Files.writeString(dir.resolve("reward.json"), "{\"reward\": 1}");
        assertThat(Rewards.read(dir).reward()).isEqualTo(0.5);
    }

    @Test
    void rewardJsonGivesItsRewardEntryOrTheMean() throws Exception {
        Files.writeString(dir.resolve("reward.json"), "{\"reward\": 1, \"style\": 0}");
        assertThat(Rewards.read(dir).reward()).isEqualTo(1.0);
        assertThat(Rewards.read(dir).all()).containsEntry("style", 0.0);
        Files.writeString(dir.resolve("reward.json"), "{\"a\": 1, \"b\": 0}");
        assertThat(Rewards.read(dir).reward()).isEqualTo(0.5);
    }

    @Test
    void noRewardIsNullAndGarbageIsReportedWithTheFile() throws Exception {
        assertThat(Rewards.read(dir).reward()).isNull();
        Files.writeString(dir.resolve("reward.json"), "{\"a\": \"yes\"}");
        assertThatThrownBy(() -> Rewards.read(dir)).isInstanceOf(IOException.class)
                .hasMessageContaining("reward.json").hasMessageContaining("\"a\" is not a number");
        Files.writeString(dir.resolve("reward.txt"), "passed\n");
        assertThatThrownBy(() -> Rewards.read(dir)).hasMessageContaining("reward.txt holds 'passed'");
    }

    @Test
    void rewardTxtIsReadByOneRuleForEveryCaller() {
        assertThat(Rewards.rewardText("0.75\n")).isEqualTo(0.75);
        assertThat(Rewards.rewardText("  1 passed\n")).isEqualTo(1.0);
        assertThat(Rewards.rewardText("passed")).isNull();
        assertThat(Rewards.rewardText("NaN")).isNull();
        assertThat(Rewards.rewardText("")).isNull();
    }
}
