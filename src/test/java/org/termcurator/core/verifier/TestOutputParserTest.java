package org.termcurator.core.verifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import org.junit.jupiter.api.Test;

class TestOutputParserTest {

    @Test
    void readsThePytestShortSummaryWithReasonsParametersAndColours() {
        String output = """
                ============================= test session starts ==============================
                tests/test_outputs.py::test_a PASSED                                     [ 25%]
                tests/test_outputs.py::test_b FAILED                                     [ 50%]
                =========================== short test summary info ============================
                \u001B[32mPASSED\u001B[0m tests/test_outputs.py::test_a
                \u001B[31mFAILED\u001B[0m tests/test_outputs.py::test_b - AssertionError: expected 3 - got 4
                FAILED tests/test_outputs.py::test_c[a - b] - ValueError
                ERROR tests/test_outputs.py::test_d - fixture 'db' not found
                SKIPPED [1] tests/test_outputs.py:42: needs a GPU
                XFAIL tests/test_outputs.py::test_e - known bug
                XPASS tests/test_outputs.py::test_f
                ========================= 2 failed, 1 passed in 0.12s ==========================
                """;
        assertThat(TestOutputParser.parse(output)).extracting(TestResult::name, TestResult::status, TestResult::message)
                .containsExactly(
                        tuple("tests/test_outputs.py::test_a", TestStatus.PASSED, null),
                        tuple("tests/test_outputs.py::test_b", TestStatus.FAILED, "AssertionError: expected 3 - got 4"),
                        tuple("tests/test_outputs.py::test_c[a - b]", TestStatus.FAILED, "ValueError"),
                        tuple("tests/test_outputs.py::test_d", TestStatus.ERROR, "fixture 'db' not found"),
                        tuple("tests/test_outputs.py:42", TestStatus.SKIPPED, "needs a GPU"),
                        tuple("tests/test_outputs.py::test_e", TestStatus.SKIPPED, "known bug"),
                        tuple("tests/test_outputs.py::test_f", TestStatus.PASSED, null));
    }

    @Test
    void aTestReportedTwiceKeepsItsLastStatusAndOtherLinesAreIgnored() {
        String output = "FAILED t::x - first\r\nsome PASSED text\r\nPASSED t::x\r\n";
        assertThat(TestOutputParser.parse(output)).singleElement()
                .isEqualTo(new TestResult("t::x", TestStatus.PASSED, null));
        assertThat(TestOutputParser.parse("nothing to see\n")).isEmpty();
    }
}
