package org.termcurator.core.trajectories;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.termcurator.core.terminus.TerminalCommand;

/** What a model answered in one turn, read the way the Terminus harness reads it. */
class TerminusStepsTest {

    @Test
    void thinkBlockIsSplitFromTheJsonAnswer() {
        Step step = TerminusSteps.assistant("<think>\nmaybe ls</think>\n\n{\"analysis\": \"a\", \"plan\": \"p\", "
                + "\"commands\": [{\"keystrokes\": \"ls\\n\", \"duration\": 2}], \"task_complete\": false}");
        assertThat(step.reasoning()).isEqualTo("\nmaybe ls");
        assertThat(step.message()).startsWith("\n\n{");
        assertThat(step.parseStatus()).isEqualTo(ParseStatus.OK);
        assertThat(step.analysis()).isEqualTo("a");
        assertThat(step.plan()).isEqualTo("p");
        assertThat(step.taskComplete()).isFalse();
        assertThat(step.commands()).containsExactly(new TerminalCommand("ls\n", 2.0));
    }

    @Test
    void textAroundTheJsonObjectIsTolerated() {
        Step step = TerminusSteps.assistant("Here you go:\n```json\n{\"analysis\": \"x\", \"plan\": \"y\", "
                + "\"commands\": []}\n```");
        assertThat(step.parseStatus()).isEqualTo(ParseStatus.OK);
        assertThat(step.commands()).isEmpty();
    }

    @Test
    void terminusOneFieldsAreRead() {
        Step step = TerminusSteps.assistant("{\"state_analysis\": \"s\", \"explanation\": \"e\", \"commands\": "
                + "[{\"keystrokes\": \"pwd\\n\", \"is_blocking\": true, \"timeout_sec\": 3}], \"is_task_complete\": true}");
        assertThat(step.analysis()).isEqualTo("s");
        assertThat(step.plan()).isEqualTo("e");
        assertThat(step.taskComplete()).isTrue();
        assertThat(step.commands()).containsExactly(new TerminalCommand("pwd\n", 3.0));
    }

    @Test
    void answersThatDoNotParseSayWhy() {
        assertThat(TerminusSteps.assistant("I will run ls").parseError()).isEqualTo("no JSON object in the answer");
        assertThat(TerminusSteps.assistant("{\"analysis\": \"cut off").parseStatus()).isEqualTo(ParseStatus.PARSE_ERROR);
        Step truncated = TerminusSteps.assistant("{\"analysis\": \"a\", \"plan\": \"b\"}");
        assertThat(truncated.parseStatus()).isEqualTo(ParseStatus.PARSE_ERROR);
        assertThat(truncated.parseError()).contains("commands");
        Step badCommand = TerminusSteps.assistant("{\"analysis\": \"a\", \"plan\": \"b\", \"commands\": [{\"keys\": 1}]}");
        assertThat(badCommand.parseError()).isEqualTo("command 1 has no keystrokes string");
        Step unclosed = TerminusSteps.assistant("<think>still thinking when the budget ran out");
        assertThat(unclosed.parseStatus()).isEqualTo(ParseStatus.PARSE_ERROR);
        assertThat(unclosed.reasoning()).startsWith("still thinking");
        assertThat(TerminusSteps.assistant("  ").parseStatus()).isEqualTo(ParseStatus.EMPTY);
        assertThat(TerminusSteps.assistant(null).parseStatus()).isEqualTo(ParseStatus.EMPTY);
        assertThat(TerminusSteps.assistant("<think>hm</think>").parseStatus()).isEqualTo(ParseStatus.EMPTY);
    }

    @Test
    void finishingWithoutCommandsIsAValidAnswer() {
        Step done = TerminusSteps.assistant("{\"analysis\": \"done\", \"plan\": \"\", \"task_complete\": true}");
        assertThat(done.parseStatus()).isEqualTo(ParseStatus.OK);
        assertThat(done.taskComplete()).isTrue();
    }

    @Test
    void xmlVariantIsRead() {
        Step step = TerminusSteps.assistant("<response>\n<analysis>look &amp; see</analysis>\n<plan>two</plan>\n"
                + "<commands>\n<keystrokes duration=\"0.5\">echo a &gt; b\n</keystrokes>\n<keystrokes>C-c</keystrokes>\n"
                + "<keystrokes duration=\"10\"/>\n</commands>\n<task_complete>true</task_complete>\n</response>");
        assertThat(step.parseStatus()).isEqualTo(ParseStatus.OK);
        assertThat(step.analysis()).isEqualTo("look & see");
        assertThat(step.taskComplete()).isTrue();
        assertThat(step.commands()).containsExactly(new TerminalCommand("echo a > b\n", 0.5),
                new TerminalCommand("C-c", null), new TerminalCommand("", 10.0));
    }

    @Test
    void harnessRepliesToBadAnswersAreMarked() {
        assertThat(TerminusSteps.user("Previous response had parsing errors:\nERROR: x").parseStatus())
                .isEqualTo(ParseStatus.HARNESS_ERROR);
        Step warning = TerminusSteps.user("Previous response had warnings:\nWARNINGS: y\n\n$ ");
        assertThat(warning.parseStatus()).isEqualTo(ParseStatus.HARNESS_ERROR);
        assertThat(warning.parseError()).isEqualTo("warnings");
        assertThat(TerminusSteps.user("$ ls\nfile").parseStatus()).isNull();
    }

    @Test
    void anAnswerTheLiveAgentWouldRefuseImportsAsNotParsedWithTheAgentsWords() {
        Step step = TerminusSteps.assistant("{\"analysis\": \"a\", \"commands\": [{\"keystrokes\": \"ls\\n\"}]}");
        assertThat(step.parseStatus()).isEqualTo(ParseStatus.PARSE_ERROR);
        assertThat(step.parseError()).isEqualTo("Missing required fields: plan");
        assertThat(step.commands()).containsExactly(new TerminalCommand("ls\n", null));
    }

    @Test
    void anAnswerTheHarnessRefusedIsMarkedAsNotParsed() {
        List<Step> steps = new ArrayList<>(List.of(
                TerminusSteps.assistant("{\"analysis\": \"a\", \"plan\": \"b\", \"commands\": []}"),
                TerminusSteps.user("Previous response had parsing errors:\nERROR: x"),
                TerminusSteps.assistant("{\"analysis\": \"a\", \"plan\": \"b\", \"commands\": []}"),
                TerminusSteps.user("Previous response had warnings:\nWARNINGS: y")));
        TerminusSteps.markRefusedAnswers(steps);
        assertThat(steps).extracting(Step::parseStatus).containsExactly(ParseStatus.PARSE_ERROR,
                ParseStatus.HARNESS_ERROR, ParseStatus.OK, ParseStatus.HARNESS_ERROR);
        assertThat(steps.get(0).parseError()).isEqualTo(TerminusSteps.REFUSED);
    }
}
