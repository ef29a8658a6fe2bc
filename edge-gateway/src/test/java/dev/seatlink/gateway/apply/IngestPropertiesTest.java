package dev.seatlink.gateway.apply;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.seatlink.gateway.floor.FloorModel;
import dev.seatlink.gateway.floor.SeatView;
import dev.seatlink.gateway.metrics.Metrics;
import dev.seatlink.gateway.site.SiteConfig;
import dev.seatlink.gateway.site.SiteConfigLoader;
import dev.seatlink.gateway.testing.FakeRole;
import dev.seatlink.link.RejectLog;
import dev.seatlink.protocol.AgentState;
import dev.seatlink.protocol.Cause;
import dev.seatlink.protocol.Codec;
import dev.seatlink.protocol.Decoded;
import dev.seatlink.protocol.SeatEvent;
import dev.seatlink.protocol.SeatState;
import dev.seatlink.protocol.SeatStatus;
import dev.seatlink.protocol.Topic;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random and mutated messages through decode → reorder → floor: nothing throws, and after every
 * message the floor is consistent (OFFLINE exactly when not online, seq never goes back, counts add up).
 */
class IngestPropertiesTest {
    private static final SiteConfig MAP = new SiteConfigLoader().loadDemo();
    private static final long T = 1_763_900_000_000L;
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Codec codec = new Codec();

    /** One message to send: which seat, what kind, its seq, and how (if at all) it is damaged. */
    record Step(int seat, int kind, long seq, int damage, String field, long value) {
    }

    @Property(tries = 300)
    void anyStreamOfMessagesKeepsTheFloorConsistent(@ForAll("streams") List<Step> steps) {
        AtomicLong now = new AtomicLong(T);
        FloorModel floor = new FloorModel(MAP, System.currentTimeMillis());
        FloorUpdater updater = new FloorUpdater(floor, new SeatProgress(), new Metrics(), new RejectLog(now::get), view -> { },
                new SentToSeats(), (seat, result) -> { }, now::get, new FakeRole("gateway-a"), 2_000);
        Map<String, Long> lastSeq = new HashMap<>();

        for (Step step : steps) {
            String seat = step.seat() < 3 ? MAP.seats().get(step.seat()).seat() : "s-9" + step.seat();
            Topic.Kind kind = List.of(Topic.Kind.STATUS, Topic.Kind.STATE, Topic.Kind.EVENT).get(step.kind());
            Decoded decoded = codec.decode(Topic.seat("hq", "f1", seat, kind).toString(), payload(step, seat, kind));
            if (decoded instanceof Decoded.Accepted accepted) {
                updater.apply(accepted, now.get());
            }
            now.addAndGet(700);
            updater.tick();

            for (SeatView view : floor.seats()) {
                assertThat(view.state().equals(SeatView.OFFLINE)).isEqualTo(!view.online());
                assertThat(view.seq()).isGreaterThanOrEqualTo(lastSeq.getOrDefault(view.seat(), 0L));
                lastSeq.put(view.seat(), view.seq());
            }
            assertThat(floor.counts().states().values().stream().mapToInt(Integer::intValue).sum())
                    .isEqualTo(MAP.seats().size());
        }
    }

    private byte[] payload(Step step, String seat, Topic.Kind kind) {
        var message = switch (kind) {
            case STATUS -> step.seq() % 3 == 0 ? SeatStatus.offline("b-" + step.seq() % 2, T)
                    : SeatStatus.online("b-" + step.seq() % 2, "1", T);
            case STATE -> new SeatState(seat, null, AgentState.READY, null, false, T, step.seq(), "b");
            default -> new SeatEvent(seat, null, AgentState.READY, step.seq() % 2 == 0 ? AgentState.BUSY
                    : AgentState.NOT_READY, step.seq() % 2 == 0 ? null : "break", false, T + step.seq(), step.seq(), "b",
                    Cause.BUTTON);
        };
        byte[] valid = codec.encode(message);
        if (step.damage() == 0) {
            return valid;
        }
        try {
            ObjectNode tree = (ObjectNode) JSON.readTree(valid);
            switch (step.damage()) {
                case 1 -> tree.remove(step.field());
                case 2 -> tree.put(step.field(), step.value());
                case 3 -> tree.put(step.field(), "x");
                default -> {
                    return new String(valid, StandardCharsets.UTF_8).substring(0, valid.length / 2)
                            .getBytes(StandardCharsets.UTF_8);
                }
            }
            return tree.toString().getBytes(StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Provide
    Arbitrary<List<Step>> streams() {
        Arbitrary<Step> step = Combinators.combine(
                Arbitraries.integers().between(0, 3),
                Arbitraries.integers().between(0, 2),
                Arbitraries.longs().between(1, 12),
                Arbitraries.integers().between(0, 6).map(d -> d > 4 ? 0 : d),
                Arbitraries.of("v", "seq", "seat", "to", "from", "online", "boot", "since", "at", "help"),
                Arbitraries.longs().between(-5, Long.MAX_VALUE / 2))
                .as(Step::new);
        return step.list().ofMaxSize(60);
    }
}
