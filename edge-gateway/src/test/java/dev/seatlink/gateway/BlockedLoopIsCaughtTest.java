package dev.seatlink.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seatlink.gateway.testing.BlockedLoopWriter;
import io.vertx.core.Vertx;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The suite's guard against blocking handlers can fail: a loop held past the limit is reported. */
class BlockedLoopIsCaughtTest {

    @Test
    void aHandlerHoldingTheLoopPastTheLimitIsReported() throws Exception {
        assertThat(Long.getLong(Gateway.LOOP_LIMIT_PROPERTY)).as("set by the build").isNotNull();
        long limitMs = Long.getLong(Gateway.LOOP_LIMIT_PROPERTY);
        Vertx vertx = Vertx.vertx(Gateway.vertxOptions());
        CountDownLatch released = new CountDownLatch(1);
        try {
            vertx.runOnContext(v -> {
                // held until the checker has spoken (bounded), not for a guessed time
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (BlockedLoopWriter.peek().isEmpty() && System.nanoTime() < until) {
                    Thread.onSpinWait();
                }
                released.countDown();
            });
            assertThat(released.await(20, TimeUnit.SECONDS)).isTrue();
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
        // taken here, so the suite's own guard (NoBlockedEventLoop) does not fail this test for it
        assertThat(BlockedLoopWriter.drain()).isNotEmpty().allSatisfy(w -> assertThat(w)
                .contains("has been blocked for").contains("time limit is " + limitMs)
                .contains(BlockedLoopIsCaughtTest.class.getName())); // the stack names what held the loop
    }
}
