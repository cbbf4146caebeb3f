package org.termcurator.core.trajectories;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.termcurator.core.verifier.TestResult;
import org.termcurator.core.verifier.TestStatus;
import org.termcurator.core.verifier.VerifierOutputs;

/** The small readers of run files: commands.txt literals, pytest summaries, CTRF, lines, search queries. */
class RunFileParsersTest {

    @Test
    void pythonListLiteralsOfCommandsTxtAreReadWithTheirEscapes() {
        assertThat(PythonLiteral.parseStrings("['ls -la\\n', 'Enter']")).containsExactly("ls -la\n", "Enter");
        assertThat(PythonLiteral.parseStrings("[\"echo 'hi'\", 'C-c']")).containsExactly("echo 'hi'", "C-c");
        assertThat(PythonLiteral.parseStrings("['it\\'s', \"tab\\there\", '\\x1b[A', '\\u00e9']"))
                .containsExactly("it's", "tab\there", "\u001b[A", "é");
        assertThat(PythonLiteral.parseStrings("'just one string\\n'")).containsExactly("just one string\n");
        assertThat(PythonLiteral.parseStrings("[r'C:\\dir', b'raw', ]")).containsExactly("C:\\dir", "raw");
        assertThat(PythonLiteral.parseStrings("['a', 1.5, None]")).containsExactly("a", "1.5", "None");
        assertThat(PythonLiteral.parseStrings("[]")).isEmpty();
    }

    @Test
    void brokenLiteralsSayWhereTheyBreak() {
        assertThatThrownBy(() -> PythonLiteral.parseStrings("['unterminated"))
                .hasMessageContaining("unterminated string");
        assertThatThrownBy(() -> PythonLiteral.parseStrings("['a' 'b']")).hasMessageContaining("column 6");
        assertThatThrownBy(() -> PythonLiteral.parseStrings("['a'] trailing")).hasMessageContaining("after the literal");
    }

    @Test
    void pytestSummaryLinesBecomeTestResultsOfTheTrajectoryModel() {
        String output = "PASSED tests/test_outputs.py::test_a\nFAILED tests/test_outputs.py::test_b - assert 3 == 4\n";
        assertThat(VerifierOutputs.pytestSummary(output)).containsExactly(
                new TestResult("tests/test_outputs.py::test_a", TestStatus.PASSED, null),
                new TestResult("tests/test_outputs.py::test_b", TestStatus.FAILED, "assert 3 == 4"));
    }

    @Test
    void ctrfReportsGiveTestsWithMessages() throws Exception {
        var report = Json.read(("{\"results\": {\"tests\": [{\"name\": \"t1\", \"status\": \"passed\"}, "
                + "{\"name\": \"t2\", \"status\": \"failed\", \"message\": \"boom\"}, {\"status\": \"passed\"}]}}")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(VerifierOutputs.ctrf(report)).containsExactly(new TestResult("t1", TestStatus.PASSED, null),
                new TestResult("t2", TestStatus.FAILED, "boom"));
    }

    @Test
    void linesAreReadAsBytesWithTheirNumbersWhateverTheirLength() throws Exception {
        String longLine = "x".repeat(600_000);
        byte[] input = ("one\r\n\n" + longLine + "\nlast").getBytes(StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>();
        try (LineReader reader = new LineReader(new ByteArrayInputStream(input))) {
            byte[] line;
            while ((line = reader.next()) != null) {
                lines.add(reader.lineNumber() + ":" + new String(line, StandardCharsets.UTF_8).length());
            }
            assertThat(reader.bytesRead()).isEqualTo(input.length);
        }
        assertThat(lines).containsExactly("1:3", "2:0", "3:600000", "4:4");
    }
}
