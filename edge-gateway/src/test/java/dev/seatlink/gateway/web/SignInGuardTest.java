package dev.seatlink.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SignInGuardTest {
    private static final long T = 1_763_900_000_000L;
    private final SignInGuard guard = new SignInGuard();

    @Test
    void tooManyFailuresForAnAccountLockItForTheRestOfTheWindowFromAnyAddress() {
        for (int i = 0; i < SignInGuard.MAX_FAILURES; i++) {
            assertThat(guard.waitMs("tl-anna", "10.0.0." + i, T + i)).isZero();
            guard.failed("tl-anna", "10.0.0." + i, T + i);
        }

        assertThat(guard.waitMs("tl-anna", "10.9.9.9", T + 1_000)).isEqualTo(SignInGuard.WINDOW_MS - 1_000);
        assertThat(guard.waitMs("tl-ben", "10.9.9.9", T + 1_000)).isZero();
        assertThat(guard.waitMs("tl-anna", "10.9.9.9", T + SignInGuard.WINDOW_MS)).isZero();
    }

    @Test
    void tooManyFailuresFromAnAddressLockItForEveryAccount() {
        for (int i = 0; i < SignInGuard.MAX_FAILURES; i++) {
            guard.failed("guess-" + i, "10.0.0.7", T);
        }

        assertThat(guard.waitMs("fm-dana", "10.0.0.7", T)).isPositive();
        assertThat(guard.waitMs("fm-dana", "10.0.0.8", T)).isZero();
    }

    @Test
    void memoryStaysBoundedWhateverIsTried() {
        for (int i = 0; i < SignInGuard.MAX_TRACKED * 3; i++) {
            guard.failed("user-" + i, "10.0." + i / 250 + "." + i % 250, T);
        }

        assertThat(guard.tracked()).isLessThanOrEqualTo(SignInGuard.MAX_TRACKED);
    }
}
