package org.termcurator.ui.curate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The preview runner: edits that pause are computed once, a newer request supersedes a running one. */
class LatestWinsTest {

    @Test
    void aNewerRequestCancelsTheRunningOneAndOnlyTheNewestAnswerIsDelivered() throws Exception {
        CountDownLatch firstStarted = new CountDownLatch(1);
        AtomicBoolean firstSawCancel = new AtomicBoolean();
        CountDownLatch firstEnded = new CountDownLatch(1);
        List<String> delivered = new CopyOnWriteArrayList<>();
        try (LatestWins<String, String> runner = new LatestWins<>(0, (input, context) -> {
            if (input.equals("slow")) {
                firstStarted.countDown();
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (!context.isCancelled() && System.nanoTime() < until) {
                    Thread.onSpinWait();
                }
                firstSawCancel.set(context.isCancelled());
                firstEnded.countDown();
                context.checkCancelled();
            }
            return "answer to " + input;
        }, Runnable::run, (result, failure) -> delivered.add(result))) {
            runner.requestNow("slow");
            assertThat(firstStarted.await(5, TimeUnit.SECONDS)).isTrue();
            var settled = runner.requestNow("fast");
            settled.get(10, TimeUnit.SECONDS);
            assertThat(firstEnded.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(firstSawCancel).as("the running computation was told it is superseded").isTrue();
            assertThat(delivered).containsExactly("answer to fast");
        }
    }

    @Test
    void requestsWithinTheDelayAreComputedOnceWithTheLastInput() throws Exception {
        List<String> computed = new CopyOnWriteArrayList<>();
        List<String> delivered = new CopyOnWriteArrayList<>();
        try (LatestWins<String, String> runner = new LatestWins<>(300, (input, context) -> {
            computed.add(input);
            return input;
        }, Runnable::run, (result, failure) -> delivered.add(result))) {
            runner.request("a");
            runner.request("ab");
            var settled = runner.request("abc");
            settled.get(10, TimeUnit.SECONDS);
            assertThat(computed).containsExactly("abc");
            assertThat(delivered).containsExactly("abc");
        }
    }

    @Test
    void aFailureReachesTheReceiverInsteadOfAnAnswer() throws Exception {
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        try (LatestWins<String, String> runner = new LatestWins<>(0, (input, context) -> {
            throw new IllegalStateException("cannot read " + input);
        }, Runnable::run, (result, failure) -> failures.add(failure))) {
            runner.requestNow("project").get(10, TimeUnit.SECONDS);
            assertThat(failures).singleElement().satisfies(failure ->
                    assertThat(failure).hasMessage("cannot read project"));
        }
    }
}
