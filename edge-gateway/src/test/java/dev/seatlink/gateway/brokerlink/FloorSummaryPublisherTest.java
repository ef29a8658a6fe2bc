package dev.seatlink.gateway.brokerlink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seatlink.gateway.floor.FloorCounts;
import dev.seatlink.gateway.floor.FloorKpis;
import dev.seatlink.gateway.floor.GroupKpis;
import dev.seatlink.gateway.floor.Tick;
import dev.seatlink.gateway.lease.Role;
import dev.seatlink.gateway.testing.FakeFloorLink;
import dev.seatlink.gateway.testing.FakeRole;
import dev.seatlink.protocol.Codec;
import dev.seatlink.protocol.Decoded;
import dev.seatlink.protocol.FloorSummary;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FloorSummaryPublisherTest {
    private static final long T = 1_800_000_000_000L;
    private static final String TOPIC = "seatlink/v1/hq/f1/summary";

    private final FakeFloorLink link = new FakeFloorLink();
    private final FakeRole role = new FakeRole("gateway-a");
    private final Codec codec = new Codec();
    private final FloorSummaryPublisher publisher = new FloorSummaryPublisher(link, role, codec, "hq", "f1");

    /** A tick of a 10-seat floor with {@code hands} hands raised. */
    private static Tick tick(long now, int hands) {
        GroupKpis floor = new GroupKpis("floor", "floor", 10, 10, 5, 5, 0, 0, Map.of(), 0, hands, null, 0, null, 0);
        return new Tick(now, new FloorKpis(T, floor, Map.of("team", List.of())),
                new FloorCounts(10, 10, hands, Map.of("READY", 5, "BUSY", 5), Map.of()), List.of(), List.of());
    }

    private int helpIn(int sentIndex) {
        Decoded decoded = codec.decode(TOPIC, sent().get(sentIndex));
        return ((FloorSummary) ((Decoded.Accepted) decoded).message()).help();
    }

    @Test
    void a_newer_summary_waits_for_the_one_in_flight_and_replaces_any_older_one_waiting() {
        publisher.ticked(tick(T, 0));
        publisher.ticked(tick(T + 250, 1));
        publisher.ticked(tick(T + 500, 2));
        assertThat(sent()).hasSize(1);

        link.acks.get(0).complete();
        assertThat(sent()).hasSize(2);
        assertThat(helpIn(1)).isEqualTo(2);

        link.acks.get(1).complete();
        assertThat(sent()).hasSize(2);
    }

    @Test
    void an_unchanged_summary_is_not_sent_again() {
        publisher.ticked(tick(T, 1));
        link.acks.get(0).complete();
        publisher.ticked(tick(T + 1_000, 1));
        assertThat(sent()).hasSize(1);
    }

    @Test
    void a_summary_that_was_never_acknowledged_goes_out_again_though_nothing_changed() {
        publisher.ticked(tick(T, 1));
        link.acks.get(0).fail("the broker link dropped");
        publisher.ticked(tick(T + 1_000, 1));
        assertThat(sent()).hasSize(2);
    }

    @Test
    void the_standby_sends_nothing_and_sends_the_first_summary_as_soon_as_it_is_primary() {
        publisher.ticked(tick(T, 1));
        link.acks.get(0).complete();
        role.role = Role.STANDBY;
        publisher.ticked(tick(T + 1_000, 2));
        assertThat(sent()).hasSize(1);

        role.role = Role.PRIMARY;
        publisher.ticked(tick(T + 2_000, 1));
        assertThat(sent()).hasSize(2);
    }

    @Test
    void while_the_link_is_down_nothing_is_sent_and_the_next_tick_after_it_sends() {
        link.connected = false;
        publisher.ticked(tick(T, 1));
        assertThat(sent()).isEmpty();
        link.connected = true;
        publisher.ticked(tick(T + 1_000, 1));
        assertThat(sent()).hasSize(1);
    }

    /** The summaries sent: each acknowledged, retained, on the floor's summary topic. */
    private List<byte[]> sent() {
        assertThat(link.published).allSatisfy(sent -> assertThat(sent).extracting(FakeFloorLink.Sent::topic,
                FakeFloorLink.Sent::retained, FakeFloorLink.Sent::acknowledged).containsExactly(TOPIC, true, true));
        return link.published.stream().map(FakeFloorLink.Sent::payload).toList();
    }
}
