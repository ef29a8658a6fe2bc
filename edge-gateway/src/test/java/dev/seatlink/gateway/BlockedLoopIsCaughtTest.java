package dev.seatlink.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.seatlink.gateway.testing.BlockedLoop;
import dev.seatlink.gateway.testing.BlockedLoopWriter;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The suite's guard against blocking handlers can fail: a loop held past the limit in a call that waits is reported
 * as failing at once, one held computing once it is past Vert.x's own limit.
 */
class BlockedLoopIsCaughtTest {

    @Test
    void aHandlerSleepingOnTheLoopFailsAtTheSuitesLimit() throws Exception {
        long limitMs = suitesLimitMs();
        List<BlockedLoop> seen = holdLoopUntilSeen(BlockedLoop::waiting, () -> Thread.sleep(20));

        assertThat(seen).filteredOn(BlockedLoop::waiting).first().satisfies(held -> {
            assertThat(held.fails()).isTrue();
            assertThat(held.limitMs()).isEqualTo(limitMs);
            assertThat(held.heldMs()).isLessThan(BlockedLoop.COMPUTING_LIMIT_MS);
            assertThat(held.toString()).contains("java.lang.Thread.sleep")
                    .contains(BlockedLoopIsCaughtTest.class.getName()); // the stack names what held the loop
        });
    }

    @Test
    void aHandlerComputingOnTheLoopFailsOnceItHeldItPastVertxsOwnLimit() throws Exception {
        List<BlockedLoop> seen = holdLoopUntilSeen(BlockedLoop::fails, Thread::onSpinWait);

        assertThat(seen).filteredOn(BlockedLoop::fails).first().satisfies(held -> {
            assertThat(held.waiting()).isFalse();
            assertThat(held.heldMs()).isGreaterThanOrEqualTo(BlockedLoop.COMPUTING_LIMIT_MS);
            assertThat(held.toString()).contains(BlockedLoopIsCaughtTest.class.getName());
        });
        assertThat(seen).filteredOn(held -> held.heldMs() < BlockedLoop.COMPUTING_LIMIT_MS)
                .as("warned of at the suite's limit, but not failing yet").isNotEmpty().noneMatch(BlockedLoop::fails);
    }

    private interface Hold {
        void once() throws InterruptedException;
    }

    /** Holds an event loop, repeating {@code hold}, until the checker has reported a warning that is {@code seen}. */
    private static List<BlockedLoop> holdLoopUntilSeen(Predicate<BlockedLoop> seen, Hold hold) throws Exception {
        Vertx vertx = Vertx.vertx(Gateway.vertxOptions());
        AtomicBoolean enough = new AtomicBoolean();
        CountDownLatch released = new CountDownLatch(1);
        try {
            vertx.runOnContext(v -> {
                // Held until this test's thread has seen the checker speak, not for a guessed time; the loop reads
                // only a flag, so a computing hold never shows the clock's or a lock's native method on top
                try {
                    while (!enough.get()) {
                        hold.once();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                released.countDown();
            });
            await().atMost(Duration.ofSeconds(15)).until(() -> BlockedLoopWriter.peek().stream().anyMatch(seen));
        } finally {
            enough.set(true);
            assertThat(released.await(30, TimeUnit.SECONDS)).isTrue();
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
        // taken here, so the suite's own guard (NoBlockedEventLoop) does not fail this test for it
        return BlockedLoopWriter.drain();
    }

    private static long suitesLimitMs() {
        assertThat(Long.getLong(Gateway.LOOP_LIMIT_PROPERTY)).as("set by the build").isNotNull();
        return Long.getLong(Gateway.LOOP_LIMIT_PROPERTY);
    }
}
