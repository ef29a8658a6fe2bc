package dev.seatlink.gateway.central;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.seatlink.gateway.Gateway;
import dev.seatlink.gateway.GatewayConfig;
import dev.seatlink.gateway.testing.Http;
import dev.seatlink.gateway.testing.MqttProbe;
import dev.seatlink.gateway.testing.PostgresPerClass;
import dev.seatlink.gateway.testing.PostgresServer;
import dev.seatlink.protocol.AgentState;
import dev.seatlink.protocol.Cause;
import dev.seatlink.protocol.SeatEvent;
import dev.seatlink.protocol.SeatStatus;
import dev.seatlink.protocol.Topic;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Stored events reach the centre's PostgreSQL once each, and wait in the outbox while it is down. */
class CentralStoreTest {
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final long T = System.currentTimeMillis();
    @RegisterExtension
    static final PostgresPerClass postgres = new PostgresPerClass();
    @TempDir
    Path dir;

    @Test
    void everyStoredEventIsCopiedOnceAndNothingIsLostWhileTheCentreStoreIsDown() throws Exception {
        GatewayConfig config = GatewayConfig.defaults().with(0, null, 0, dir.resolve("gw")).toBuilder()
                .central(new GatewayConfig.Central(postgres.url(), PostgresServer.USER, null)).build();
        try (Gateway gateway = Gateway.start(config); MqttProbe seat = MqttProbe.seatsOf(gateway)) {
            Http http = new Http(gateway.httpPort());
            seat.publish(topic(Topic.Kind.STATUS), SeatStatus.online("b-1", "1.0", T));
            publish(seat, 1, 40);
            await().atMost(PATIENCE).until(() -> seqs().size() == 40);

            postgres.stop(); // the centre store goes down mid-burst
            publish(seat, 41, 100);
            await().atMost(PATIENCE).until(() -> http.json("/health").path("centralStore").asText().startsWith("WAITING")
                    && http.json("/health").path("centralBacklog").asLong() == 60);
            assertThat(http.get("/health").statusCode()).as("the outbox keeps the events: the gateway is up").isEqualTo(200);
            assertThat(http.get("/metrics").body()).contains("seatlink_central_up 0", "seatlink_central_backlog 60");

            postgres.startAgain();
            await().atMost(PATIENCE).until(() -> seqs().size() == 100);
            assertThat(seqs()).containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, 100).boxed().toList());
            await().atMost(PATIENCE).until(() -> http.json("/health").path("centralBacklog").asLong() == 0);
        }
    }

    @Test
    void aBatchCopiedTwiceIsStoredOnce() throws Exception {
        try (CentralStore store = new CentralStore(postgres.url(), PostgresServer.USER, null)) {
            var batch = List.of(new dev.seatlink.gateway.store.StoredEvent(event("s-009", 1), T),
                    new dev.seatlink.gateway.store.StoredEvent(event("s-009", 2), T));
            assertThat(store.insert("hq", "f7", "hq-f7-gateway-a", batch)).isEqualTo(2);
            assertThat(store.insert("hq", "f7", "hq-f7-gateway-b", batch)).as("the other gateway of the pair").isZero();
        }
    }

    private static void publish(MqttProbe seat, long from, long to) throws Exception {
        for (long seq = from; seq <= to; seq++) {
            seat.publish(topic(Topic.Kind.EVENT), event("s-001", seq));
        }
    }

    private static SeatEvent event(String seat, long seq) {
        AgentState from = seq % 2 == 0 ? AgentState.READY : AgentState.BUSY;
        AgentState to = seq % 2 == 0 ? AgentState.BUSY : AgentState.READY;
        return new SeatEvent(seat, "a001", from, to, null, false, T + seq, seq, "b-1", Cause.BUTTON);
    }

    private static Topic topic(Topic.Kind kind) {
        return Topic.seat("hq", "f1", "s-001", kind);
    }

    private static List<Long> seqs() throws SQLException {
        List<Long> seqs = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(postgres.url(), PostgresServer.USER, "");
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT seq FROM events WHERE site = 'hq' AND floor = 'f1' AND seat = 's-001' "
                     + "ORDER BY seq")) {
            while (r.next()) {
                seqs.add(r.getLong(1));
            }
        } catch (SQLException e) {
            return List.of(); // down, or the table is not made yet
        }
        return seqs;
    }
}
