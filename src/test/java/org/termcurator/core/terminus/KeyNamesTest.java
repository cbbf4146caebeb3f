package org.termcurator.core.terminus;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class KeyNamesTest {

    private static String bytes(String keystrokes) {
        return new String(KeyNames.bytes(keystrokes), StandardCharsets.UTF_8);
    }

    @Test
    void keyNamesBecomeTheBytesATerminalSends() {
        assertThat(bytes("C-c")).isEqualTo("\u0003");
        assertThat(bytes("C-d")).isEqualTo("\u0004");
        assertThat(bytes("C-[")).isEqualTo("\u001B");
        assertThat(bytes("Enter")).isEqualTo("\r");
        assertThat(bytes("Escape")).isEqualTo("\u001B");
        assertThat(bytes("Up")).isEqualTo("\u001B[A");
        assertThat(bytes("M-x")).isEqualTo("\u001Bx");
        assertThat(bytes("BSpace")).isEqualTo("\u007F");
        assertThat(bytes("F5")).isEqualTo("\u001B[15~");
    }

    @Test
    void everythingElseIsLiteralText() {
        assertThat(KeyNames.isKeyName("ls -la\n")).isFalse();
        assertThat(KeyNames.isKeyName("y")).isFalse();
        assertThat(KeyNames.isKeyName("C-c ")).isFalse();
        assertThat(KeyNames.isKeyName("echo C-c")).isFalse();
        assertThat(bytes("q")).isEqualTo("q");
        assertThat(bytes("echo é\n")).isEqualTo("echo é\n");
    }
}
