package dev.seatlink.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RecentSignInsTest {
    private static final long T = 1_790_000_000_000L;
    private final RecentSignIns recent = new RecentSignIns();

    @Test
    void aPasswordThatPassedIsKnownForFiveMinutesForThatUserOnly() {
        recent.remember("tl-anna", "s3cret".toCharArray(), T);

        assertThat(recent.matches("tl-anna", "s3cret".toCharArray(), T + RecentSignIns.KEEP_MS)).isTrue();
        assertThat(recent.matches("tl-anna", "s3cret!".toCharArray(), T)).as("another password").isFalse();
        assertThat(recent.matches("tl-ben", "s3cret".toCharArray(), T)).as("another user").isFalse();
        assertThat(recent.matches("tl-anna", "s3cret".toCharArray(), T + RecentSignIns.KEEP_MS + 1))
                .as("expired: the full check again").isFalse();
        assertThat(recent.matches("tl-anna", "s3cret".toCharArray(), T)).as("forgotten once expired").isFalse();
    }

    @Test
    void atMostAThousandUsersAreRemembered() {
        for (int i = 0; i <= RecentSignIns.MAX_USERS; i++) {
            recent.remember("user-" + i, "pw".toCharArray(), T);
        }

        assertThat(recent.matches("user-0", "pw".toCharArray(), T)).as("the eldest made room").isFalse();
        assertThat(recent.matches("user-" + RecentSignIns.MAX_USERS, "pw".toCharArray(), T)).isTrue();
    }
}
