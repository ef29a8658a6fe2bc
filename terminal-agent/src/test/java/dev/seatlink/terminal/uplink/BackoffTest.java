package dev.seatlink.terminal.uplink;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void theCapDoublesFromOneSecondToOneMinute() {
        List<Long> caps = new ArrayList<>();
        Backoff backoff = new Backoff(bound -> {
            caps.add(bound);
            return bound;
        });

        for (int i = 0; i < 9; i++) {
            backoff.nextDelayMs();
        }

        assertThat(caps).containsExactly(1_000L, 2_000L, 4_000L, 8_000L, 16_000L, 32_000L, 60_000L, 60_000L, 60_000L);
    }

    @Test
    void delaysAreSpreadAcrossTheWholeRange() {
        Backoff backoff = Backoff.withJitter();
        long min = Long.MAX_VALUE;
        long max = 0;
        for (int i = 0; i < 200; i++) {
            backoff.reset();
            long delay = backoff.nextDelayMs();
            min = Math.min(min, delay);
            max = Math.max(max, delay);
        }

        assertThat(min).isBetween(0L, 200L);
        assertThat(max).isBetween(800L, 1_000L);
    }

    @Test
    void aSuccessfulConnectStartsOverAtOneSecond() {
        List<Long> caps = new ArrayList<>();
        Backoff backoff = new Backoff(bound -> {
            caps.add(bound);
            return 0;
        });
        backoff.nextDelayMs();
        backoff.nextDelayMs();

        backoff.reset();
        backoff.nextDelayMs();

        assertThat(caps).containsExactly(1_000L, 2_000L, 1_000L);
    }
}
