package org.termcurator.core.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.termcurator.core.terminal.Cast;
import org.termcurator.core.terminal.CastEvent;
import org.termcurator.core.terminal.CastEventCode;
import org.termcurator.core.terminal.CastHeader;
import org.termcurator.core.terminal.CastPlayer;
import org.termcurator.core.terminus.TerminalCommand;
import org.termcurator.core.trajectories.ParseStatus;
import org.termcurator.core.trajectories.Step;
import org.termcurator.core.verifier.TestResult;
import org.termcurator.core.verifier.TestStatus;

/** Where steps sit in a recording, capped pauses, session search, the first failure and transcripts. */
class ReplayLogicTest {

    private static CastPlayer cast(CastEvent... events) {
        return CastPlayer.of(new Cast(CastHeader.of(40, 5), List.of(events), List.of()));
    }

    private static Step answer(String keystrokes) {
        return Step.builder("assistant").message("").commands(List.of(new TerminalCommand(keystrokes, 1.0)))
                .parseStatus(ParseStatus.OK).build();
    }

    private static Step user(String message) {
        return Step.of("user", message);
    }

    @Test
    void idleCapShortensLongPausesAndMapsBothWays() {
        PlaybackClock clock = new PlaybackClock(new double[] {1, 2, 12, 13}, 2);
        assertThat(clock.playDuration()).isEqualTo(1 + 1 + 2 + 1);
        assertThat(clock.toCast(3.0)).as("a second into the capped pause").isEqualTo(3.0);
        assertThat(clock.toCast(4.0)).as("the pause ends at the next event").isEqualTo(12.0);
        assertThat(clock.toPlay(12.5)).isEqualTo(4.5);
        assertThat(clock.toPlay(7)).as("inside a pause at most the cap").isEqualTo(4.0);
        PlaybackClock uncapped = new PlaybackClock(new double[] {1, 2, 12}, 0);
        assertThat(uncapped.playDuration()).isEqualTo(12);
        assertThat(uncapped.toCast(7)).isEqualTo(7);
    }

    @Test
    void stepsArePlacedByCastTimeEpisodeMarkerOrTheirEchoedCommand() {
        CastPlayer player = cast(
                CastEvent.output(0.5, "$ "),
                new CastEvent(2.0, CastEventCode.INPUT, "ls\r"),
                CastEvent.output(2.1, "ls\r\nfile\r\n$ "),
                new CastEvent(5.0, CastEventCode.MARKER, "episode-1"),
                CastEvent.output(5.5, "cat fi"),
                CastEvent.output(5.6, "le\r\nhello\r\n$ "),
                CastEvent.output(9.0, "echo \u001b[1mdone\u001b[0m\r\n"));
        List<Step> steps = List.of(user("instruction"), answer("ls\n"), user("file"), answer("cat file\n"),
                user("hello"), answer("echo done\n"), answer("echo never\n").withCastTime(null));
        StepMoments moments = StepMoments.place(steps, player);
        assertThat(moments.at(0)).isEqualTo(0);
        assertThat(moments.at(1)).as("typed input").isEqualTo(2.0);
        assertThat(moments.at(2)).as("follows the answer").isEqualTo(2.0);
        assertThat(moments.at(3)).as("episode marker").isEqualTo(5.0);
        assertThat(moments.at(5)).as("echo found through the escapes").isEqualTo(9.0);
        assertThat(moments.isPlaced(6)).isFalse();
        assertThat(moments.at(6)).isEqualTo(9.0);
        assertThat(moments.stepAt(5.5, -1)).as("the first step of a moment").isEqualTo(3);
        assertThat(moments.stepAt(5.5, 4)).as("the chosen step is kept within its moment").isEqualTo(4);
        assertThat(moments.stepAt(0.0, -1)).isEqualTo(0);

        List<Step> withTimes = List.of(answer("x\n").withCastTime(3.5), answer("y\n"));
        assertThat(StepMoments.place(withTimes, player).at(0)).isEqualTo(3.5);
    }

    @Test
    void searchFindsTextSplitAcrossEventsAndInSteps() {
        CastPlayer player = cast(CastEvent.output(1, "abc NEED"), CastEvent.output(2, "LE xyz"),
                CastEvent.output(3, "\u001b[31mneedle\u001b[0m"));
        List<Step> steps = List.of(user("find the needle"), answer("grep needle\n"));
        StepMoments moments = StepMoments.place(steps, player);
        List<SessionSearch.Hit> hits = SessionSearch.search("needle", player, steps, moments);
        assertThat(hits).extracting(SessionSearch.Hit::source).containsExactly(SessionSearch.Source.STEP,
                SessionSearch.Source.STEP, SessionSearch.Source.TERMINAL, SessionSearch.Source.TERMINAL);
        assertThat(hits.subList(2, 4)).extracting(SessionSearch.Hit::time).containsExactly(2.0, 3.0);
        assertThat(SessionSearch.search(" ", player, steps, moments)).isEmpty();
    }

    @Test
    void firstFailureIsTheEarliestBadAnswerOrFailedCommandElseTheLastStepBeforeAFailingTest() {
        CastPlayer player = cast(CastEvent.output(1, "$ "), CastEvent.output(4, "x"), CastEvent.output(8, "y"));
        List<TestResult> tests = List.of(new TestResult("ok", TestStatus.PASSED, null),
                new TestResult("broken", TestStatus.FAILED, "assert"));
        List<Step> failingCommand = List.of(user("go"), answer("cat nothing\n").withCastTime(4.0),
                user("cat: nothing: No such file or directory"), answer("true\n").withCastTime(8.0));
        var failure = FirstFailure.find(failingCommand, StepMoments.place(failingCommand, player), tests, player,
                null, null, 8).orElseThrow();
        assertThat(failure.kind()).isEqualTo(FirstFailure.Kind.COMMAND_ERROR);
        assertThat(failure.stepIndex()).isEqualTo(1);
        assertThat(failure.failingTest()).isEqualTo("broken");
        assertThat(failure.reason()).contains("No such file or directory");

        List<Step> clean = List.of(user("go"), answer("make\n").withCastTime(4.0), user("built"),
                answer("make test\n").withCastTime(8.0), user("ok"));
        var testFailure = FirstFailure.find(clean, StepMoments.place(clean, player), tests, player, null, null, 8)
                .orElseThrow();
        assertThat(testFailure.kind()).isEqualTo(FirstFailure.Kind.FAILED_TEST);
        assertThat(testFailure.stepIndex()).as("the last step that sent commands").isEqualTo(3);

        var timeout = FirstFailure.find(clean, StepMoments.place(clean, player), List.of(), player, "agent_timeout",
                null, 8).orElseThrow();
        assertThat(timeout.kind()).isEqualTo(FirstFailure.Kind.TIMEOUT);
        assertThat(FirstFailure.find(clean, StepMoments.place(clean, player), List.of(), player, null, null, 8)).isEmpty();

        CastPlayer exited = cast(CastEvent.output(1, "$ "), new CastEvent(2, CastEventCode.EXIT, "3"));
        var exit = FirstFailure.find(clean, StepMoments.place(clean, exited), List.of(), exited, null, null, 2)
                .orElseThrow();
        assertThat(exit.kind()).isEqualTo(FirstFailure.Kind.COMMAND_ERROR);
        assertThat(exit.time()).isEqualTo(2.0);
    }

    @Test
    void transcriptShowsTheInitialScreenCommandsAndOutputOneStepPerSecond() {
        List<Step> steps = List.of(user("Task Description:\nDo it\n\nCurrent terminal state:\nroot@box:/app# "),
                answer("echo hi\n"), user("hi\nroot@box:/app# "), answer("C-c"));
        CastPlayer player = CastPlayer.of(TranscriptCast.of(steps));
        assertThat(player.duration()).isEqualTo(3.0);
        String screen = player.finalScreen().screenText();
        assertThat(screen).startsWith("root@box:/app#\n$ echo hi\nhi\nroot@box:/app#\n$ ^C");
        assertThat(screen).doesNotContain("Task Description");
    }
}
