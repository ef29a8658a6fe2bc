package dev.seatlink.gateway;

import static dev.seatlink.gateway.testing.FloorChecks.exactly;
import static dev.seatlink.gateway.testing.FloorChecks.metric;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.seatlink.gateway.testing.DemoManager;
import dev.seatlink.gateway.testing.Http;
import dev.seatlink.gateway.testing.MosquittoBroker;
import dev.seatlink.gateway.testing.MqttProbe;
import dev.seatlink.protocol.AgentState;
import dev.seatlink.protocol.Cause;
import dev.seatlink.protocol.Codec;
import dev.seatlink.protocol.SeatEvent;
import dev.seatlink.protocol.SeatStatus;
import dev.seatlink.protocol.Topic;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random and mutated messages through the gateway's whole ingest path (broker, codec, store,
 * reorderer, floor), mixed with a valid seat's events: the gateway stays up, keeps applying the
 * valid stream, counts every rejection, and its floor and store agree.
 */
class BadInputChangesNothingTest {
    private static final long T = System.currentTimeMillis();
    private static final int GARBAGE = 3_000;

    @TempDir
    Path dir;

    private MosquittoBroker broker;
    private Gateway gateway;
    private MqttProbe probe;

    @AfterEach
    void stop() throws Exception {
        if (probe != null) {
            probe.close();
        }
        if (gateway != null) {
            gateway.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void randomAndMutatedMessagesAreCountedAndChangeNothing() throws Exception {
        Assumptions.assumeTrue(MosquittoBroker.installed(), "mosquitto is not installed");
        broker = MosquittoBroker.start(dir.resolve("mosquitto"));
        DemoManager manager = DemoManager.in(dir);
        gateway = Gateway.start(GatewayConfig.defaults().with(0, broker.url(), 0, dir.resolve("gw"))
                .withUsers(manager.usersFile()));
        Http http = manager.http(gateway.httpPort());
        probe = new MqttProbe(broker.url());
        Codec codec = new Codec();
        ObjectMapper json = new ObjectMapper();
        SplittableRandom random = new SplittableRandom(7);
        probe.publish(Topic.seat("hq", "f1", "s-003", Topic.Kind.STATUS), SeatStatus.online("b-1", "1.0", T));

        long valid = 0;
        for (int i = 0; i < GARBAGE; i++) {
            // a valid event of s-003 every tenth message
            if (i % 10 == 0) {
                valid++;
                probe.publish(Topic.seat("hq", "f1", "s-003", Topic.Kind.EVENT), new SeatEvent("s-003", "a1003",
                        AgentState.READY, valid % 2 == 0 ? AgentState.READY : AgentState.BUSY, null, false, T + valid,
                        valid, "b-1", Cause.BUTTON));
            }
            String seat = random.nextInt(4) == 0 ? "s-" + random.nextInt(999) : "s-00" + (1 + random.nextInt(2));
            String topic = switch (random.nextInt(6)) {
                case 0 -> "seatlink/v1/hq/f1/" + seat + "/state";
                case 1 -> "seatlink/v1/hq/f1/" + seat + "/cmd-result";
                case 2 -> "seatlink/v1/hq/f1/" + seat + "/status";
                default -> "seatlink/v1/hq/f1/" + seat + "/event";
            };
            probe.publishRaw(topic, garbage(random, json, codec, seat), false);
        }

        // the valid stream is applied in full, alongside everything else
        long expected = valid;
        await().atMost(Duration.ofSeconds(60)).until(() -> exactly(http, "s-003", expected));
        assertThat(http.json("/api/seats/s-003").path("seq").asLong()).isEqualTo(expected);
        assertThat(http.get("/health").statusCode()).isEqualTo(200);
        // every message was counted, accepted or rejected
        await().atMost(Duration.ofSeconds(30)).until(() -> metric(http, "seatlink_messages_in_total") >= GARBAGE + expected);
        long rejected = http.get("/metrics").body().lines().filter(l -> l.startsWith("seatlink_messages_rejected_total{"))
                .mapToLong(l -> Long.parseLong(l.substring(l.lastIndexOf(' ') + 1))).sum();
        assertThat(rejected).isGreaterThan(GARBAGE / 2);
        // and mutated-but-valid events of the other seats were stored at most once each
        for (String seat : List.of("s-001", "s-002")) {
            List<Long> stored = dev.seatlink.gateway.testing.FloorChecks.storedSeqs(http, seat);
            assertThat(stored).doesNotHaveDuplicates().isSorted();
        }
        System.out.printf("BAD INPUT: %d garbage + %d valid messages; rejected %d; gateway healthy%n", GARBAGE, valid,
                rejected);
    }

    /** Bytes of every kind: random bytes, broken JSON, and valid messages with one field mutated. */
    private static byte[] garbage(SplittableRandom random, ObjectMapper json, Codec codec, String seat) {
        switch (random.nextInt(5)) {
            case 0 -> {
                byte[] bytes = new byte[random.nextInt(64)];
                for (int i = 0; i < bytes.length; i++) {
                    bytes[i] = (byte) random.nextInt(256);
                }
                return bytes;
            }
            case 1 -> {
                return new byte[5000];
            }
            case 2 -> {
                return "{\"v\":1,\"seat\":".getBytes(StandardCharsets.UTF_8);
            }
            default -> {
                String valid = new String(codec.encode(new SeatEvent(seat.length() <= 5 ? seat : "s-001", null,
                        AgentState.READY, AgentState.NOT_READY, "break", false, T, 1 + random.nextInt(50), "b",
                        Cause.BUTTON)), StandardCharsets.UTF_8);
                try {
                    ObjectNode tree = (ObjectNode) json.readTree(valid);
                    String[] fields = {"v", "seq", "to", "from", "at", "reason", "seat", "help", "cause"};
                    String field = fields[random.nextInt(fields.length)];
                    switch (random.nextInt(4)) {
                        case 0 -> tree.remove(field);
                        case 1 -> tree.put(field, "x" + random.nextInt());
                        case 2 -> tree.put(field, random.nextLong());
                        default -> tree.putNull(field);
                    }
                    return tree.toString().getBytes(StandardCharsets.UTF_8);
                } catch (java.io.IOException e) {
                    throw new AssertionError(e);
                }
            }
        }
    }
}
