package dev.seatlink.terminal.uplink;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private final List<Long> caps = new ArrayList<>();
    private final Backoff backoff = new Backoff(bound -> {
        caps.add(bound);
        return bound;
    });

    @Test
    void theCapIsHalfTheOutageSoFarFromOneSecondToOneMinute() {
        for (long downFor : new long[] {0, 1_500, 4_000, 10_000, 30_000, 119_000, 120_000, 600_000}) {
            backoff.nextDelayMs(50_000 + downFor);
        }

        assertThat(caps).containsExactly(1_000L, 1_000L, 2_000L, 5_000L, 15_000L, 59_500L, 60_000L, 60_000L);
    }

    @Test
    void refusalsInQuickSuccessionDoNotGrowTheCap() {
        for (int attempt = 0; attempt < 6; attempt++) {
            backoff.nextDelayMs(attempt * 300L); // a cluster refusing connects for a few seconds after a node's death
        }

        assertThat(caps).containsOnly(1_000L);
    }

    @Test
    void delaysAreSpreadAcrossTheWholeRange() {
        Backoff jittered = Backoff.withJitter();
        long min = Long.MAX_VALUE;
        long max = 0;
        for (int i = 0; i < 200; i++) {
            jittered.reset();
            long delay = jittered.nextDelayMs(0);
            min = Math.min(min, delay);
            max = Math.max(max, delay);
        }

        assertThat(min).isBetween(0L, 200L);
        assertThat(max).isBetween(800L, 1_000L);
    }

    @Test
    void aSuccessfulConnectStartsOverAtOneSecond() {
        backoff.nextDelayMs(0);
        backoff.nextDelayMs(20_000);

        backoff.reset();
        backoff.nextDelayMs(90_000);

        assertThat(caps).containsExactly(1_000L, 10_000L, 1_000L);
    }
}
