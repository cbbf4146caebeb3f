package org.termcurator.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SafeTextTest {

    @Test
    void escapeSequencesBellsCarriageReturnsC1AndBidiOverridesAreShownEscaped() {
        String hostile = "evil\u001b[2J\u0007\r\u009b31m\u202eabc\u0000";

        assertThat(SafeText.escapeControls(hostile)).isEqualTo("evil\\e[2J\\x07\\r\\x9b31m\\u202eabc\\x00");
        assertThat(SafeText.escapeControls("two\nlines\tand tabs")).isEqualTo("two\nlines\tand tabs");
        assertThat(SafeText.oneLine("two\nlines\tand tabs")).isEqualTo("two\\nlines\\tand tabs");
        assertThat(SafeText.oneLine("plain ascii and ünïcödé 日本")).isEqualTo("plain ascii and ünïcödé 日本");
    }
}
