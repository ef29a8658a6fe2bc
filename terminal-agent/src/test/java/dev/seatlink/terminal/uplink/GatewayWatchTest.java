package dev.seatlink.terminal.uplink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seatlink.protocol.GatewayStatus;
import org.junit.jupiter.api.Test;

class GatewayWatchTest {
    static final long T = 1_800_000_000_000L;

    @Test
    void theStandbysLastWillDoesNotMakeTheSeatThinkTheFloorsGatewayIsDown() {
        GatewayWatch watch = new GatewayWatch();
        assertThat(watch.heard(GatewayStatus.primary("hq-f1-gateway-a", T, null, T))).isTrue();
        assertThat(watch.heard(GatewayStatus.offline("hq-f1-gateway-b", T + 1))).isFalse();
        assertThat(watch.up()).isTrue();
        assertThat(watch.holder()).isEqualTo("hq-f1-gateway-a");
    }

    @Test
    void theHoldersOwnOfflineStatusCountsAndTheNextHolderBringsItBack() {
        GatewayWatch watch = new GatewayWatch();
        watch.heard(GatewayStatus.primary("hq-f1-gateway-a", T, null, T));
        assertThat(watch.heard(GatewayStatus.offline("hq-f1-gateway-a", T + 1))).isTrue();
        assertThat(watch.up()).isFalse();
        assertThat(watch.heard(GatewayStatus.primary("hq-f1-gateway-b", T + 2, null, T + 2))).isTrue();
        assertThat(watch.up()).isTrue();
    }

    @Test
    void aFirstOfflineStatusCountsWhoeverSaysIt() {
        GatewayWatch watch = new GatewayWatch();
        assertThat(watch.heard(GatewayStatus.offline("hq-f1-gateway", T))).isFalse();
        assertThat(watch.up()).isFalse();
    }
}
