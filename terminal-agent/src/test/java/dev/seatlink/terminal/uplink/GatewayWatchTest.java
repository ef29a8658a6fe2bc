package dev.seatlink.terminal.uplink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seatlink.protocol.GatewayStatus;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GatewayWatchTest {
    static final long T = 1_800_000_000_000L;
    /** The seat's own clock, as statuses arrive. */
    static final long NOW = 5_000;

    private final GatewayWatch watch = new GatewayWatch();

    @Test
    void theStandbysLastWillDoesNotMakeTheSeatThinkTheFloorsGatewayIsDown() {
        assertThat(watch.heard(GatewayStatus.primary("hq-f1-gateway-a", T, null, T), NOW)).isTrue();
        assertThat(watch.heard(GatewayStatus.offline("hq-f1-gateway-b", T + 1), NOW)).isFalse();
        assertThat(watch.up(NOW)).isTrue();
        assertThat(watch.holder()).isEqualTo("hq-f1-gateway-a");
    }

    @Test
    void theHoldersOwnOfflineStatusCountsAndTheNextHolderBringsItBack() {
        watch.heard(GatewayStatus.primary("hq-f1-gateway-a", T, null, T), NOW);
        assertThat(watch.heard(GatewayStatus.offline("hq-f1-gateway-a", T + 1), NOW)).isTrue();
        assertThat(watch.up(NOW)).isFalse();
        assertThat(watch.heard(GatewayStatus.primary("hq-f1-gateway-b", T + 2, null, T + 2), NOW)).isTrue();
        assertThat(watch.up(NOW)).isTrue();
    }

    @Test
    void aFirstOfflineStatusCountsWhoeverSaysIt() {
        assertThat(watch.heard(GatewayStatus.offline("hq-f1-gateway", T), NOW)).isFalse();
        assertThat(watch.up(NOW)).isFalse();
    }

    @Test
    void aPrimaryNotHeardForTwentySecondsIsShownDownItsNextHeartbeatBringsItBack() {
        watch.heard(GatewayStatus.primary("hq-f1-gateway-a", T, null, T), NOW);
        assertThat(watch.up(NOW + GatewayWatch.SILENT_MS)).isTrue();
        assertThat(watch.up(NOW + GatewayWatch.SILENT_MS + 1)).as("its Will may have died with its node").isFalse();

        assertThat(watch.heard(GatewayStatus.primary("hq-f1-gateway-a", T + 30_000, null, T), NOW + 30_000))
                .as("back").isTrue();
        assertThat(watch.up(NOW + 30_000)).isTrue();
    }

    @Test
    void theSameStatusHandedOverAgainIsNoSignOfLife() {
        watch.heard(GatewayStatus.primary("hq-f1-gateway-a", T, null, T), NOW);
        long later = NOW + GatewayWatch.SILENT_MS + 1;

        assertThat(watch.heard(GatewayStatus.primary("hq-f1-gateway-a", T, null, T), later))
                .as("the retained status again, on resubscribing").isFalse();
        assertThat(watch.up(later)).isFalse();
    }

    @Test
    void aSilentPrimaryMakesTheSeatSubscribeAgainAtWaitsThatDoubleUpToTenMinutes() {
        watch.heard(GatewayStatus.primary("hq-f1-gateway-a", T, null, T), 0);
        List<Long> resubscribed = new ArrayList<>();
        for (long t = 0; t <= 60 * 60_000; t += 1_000) {
            if (watch.resubscribeDue(t)) {
                resubscribed.add(t);
            }
        }
        assertThat(resubscribed).startsWith(21_000L, 41_000L, 81_000L, 161_000L);
        for (int i = 1; i < resubscribed.size(); i++) {
            assertThat(resubscribed.get(i) - resubscribed.get(i - 1)).isLessThanOrEqualTo(GatewayWatch.LONGEST_WAIT_MS);
        }
        assertThat(resubscribed.get(resubscribed.size() - 1) - resubscribed.get(resubscribed.size() - 2))
                .isEqualTo(GatewayWatch.LONGEST_WAIT_MS);
    }

    @Test
    void aHeartbeatAfterASilenceStartsTheWaitsAfresh() {
        watch.heard(GatewayStatus.primary("hq-f1-gateway-a", T, null, T), 0);
        assertThat(watch.resubscribeDue(21_000)).isTrue();
        assertThat(watch.resubscribeDue(40_000)).isFalse();
        watch.heard(GatewayStatus.primary("hq-f1-gateway-b", T + 45_000, null, T + 45_000), 45_000);

        assertThat(watch.resubscribeDue(65_000)).as("heard 20 s ago: not yet silent").isFalse();
        assertThat(watch.resubscribeDue(66_000)).isTrue();
    }

    @Test
    void aGatewayThatSaysItIsDownOrAnOlderOneWithoutARoleIsNeverSilent() {
        watch.heard(GatewayStatus.offline("hq-f1-gateway", T), 0);
        assertThat(watch.resubscribeDue(3_600_000)).as("down: nothing to wait for").isFalse();

        GatewayWatch older = new GatewayWatch();
        older.heard(new GatewayStatus(true, "hq-f1-gateway", T, null, null, null), 0);
        assertThat(older.up(3_600_000)).isTrue();
        assertThat(older.resubscribeDue(3_600_000)).isFalse();
    }
}
