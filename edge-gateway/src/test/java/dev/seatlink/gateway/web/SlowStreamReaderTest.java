package dev.seatlink.gateway.web;

import static dev.seatlink.gateway.testing.FloorChecks.metric;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.seatlink.gateway.Gateway;
import dev.seatlink.gateway.GatewayConfig;
import dev.seatlink.gateway.testing.Http;
import dev.seatlink.gateway.testing.MqttProbe;
import dev.seatlink.protocol.SeatStatus;
import dev.seatlink.protocol.Topic;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A wallboard stream whose client never reads must be set aside within a bounded amount of traffic: the
 * gateway's small socket send buffer keeps the kernel from absorbing megabytes for it.
 */
class SlowStreamReaderTest {
    private static final long T = System.currentTimeMillis();
    /** What a non-reading client may cost before it is set aside: the send buffer plus Netty's queue, and some. */
    private static final long BOUND = 512 * 1024;
    /** Far beyond any bound: the test gives up waiting here. */
    private static final long LOTS = 8L * 1024 * 1024;

    @TempDir
    Path dir;

    @Test
    void aStreamThatIsNeverReadIsSetAsideAfterAFewHundredKilobytes() throws Exception {
        try (Gateway gateway = Gateway.start(GatewayConfig.defaults().with(0, null, 0, dir.resolve("gw")));
             MqttProbe seats = MqttProbe.seatsOf(gateway);
             Socket stuck = new Socket()) {
            Http http = new Http(gateway.httpPort());
            await().atMost(Duration.ofSeconds(20)).until(() -> http.get("/health").statusCode() == 200);
            stuck.setReceiveBufferSize(4096);
            stuck.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), gateway.httpPort()));
            OutputStream out = stuck.getOutputStream();
            out.write(("GET /api/stream HTTP/1.1\r\nHost: 127.0.0.1:" + gateway.httpPort() + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            await().atMost(Duration.ofSeconds(10)).until(() -> metric(http, "seatlink_sse_clients") == 1);

            // seats flapping until the stream is set aside (or far more was written than any bound)
            long[] round = {0};
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200)).until(() -> {
                round[0]++;
                for (int i = 1; i <= 24; i++) {
                    Topic status = Topic.seat("hq", "f1", String.format("s-%03d", i), Topic.Kind.STATUS);
                    seats.publish(status, round[0] % 2 == 0 ? SeatStatus.online("b-" + round[0], "test", T)
                            : SeatStatus.offline("b-" + (round[0] - 1), T));
                }
                return metric(http, "seatlink_sse_clients_behind") == 1 || metric(http, "seatlink_sse_bytes_total") > LOTS;
            });

            // set aside after the socket's small buffers filled, not after megabytes in the kernel
            assertThat(metric(http, "seatlink_sse_clients_behind")).isEqualTo(1);
            assertThat(metric(http, "seatlink_sse_bytes_total")).isLessThan(BOUND);
        }
    }
}
