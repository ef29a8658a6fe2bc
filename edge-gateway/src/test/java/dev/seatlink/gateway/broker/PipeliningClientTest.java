package dev.seatlink.gateway.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.seatlink.gateway.Gateway;
import dev.seatlink.gateway.GatewayConfig;
import dev.seatlink.gateway.testing.Http;
import io.vertx.core.buffer.Buffer;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An integrator's client that sends its first PUBLISH right behind its CONNECT, before the CONNACK, as MQTT
 * 3.1.1 allows and paho-python does: every such publish is acknowledged and reaches the floor.
 */
class PipeliningClientTest {
    @TempDir
    Path dir;

    private static byte[] string(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[bytes.length + 2];
        out[0] = (byte) (bytes.length >> 8);
        out[1] = (byte) bytes.length;
        System.arraycopy(bytes, 0, out, 2, bytes.length);
        return out;
    }

    private static byte[] packet(int type, byte[]... parts) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            body.writeBytes(part);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(type);
        int remaining = body.size();
        do {
            int digit = remaining % 128;
            remaining /= 128;
            out.write(remaining > 0 ? digit | 0x80 : digit);
        } while (remaining > 0);
        out.writeBytes(body.toByteArray());
        return out.toByteArray();
    }

    private static byte[] connect(String clientId) {
        return packet(0x10, string("MQTT"), new byte[] {4, 0x02, 0, 30}, string(clientId));
    }

    /** QoS 1, retained, as a seat's status is. */
    private static byte[] publishQos1(String topic, int packetId, String payload) {
        return packet(0x33, string(topic), new byte[] {(byte) (packetId >> 8), (byte) packetId},
                payload.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aPublishSentBeforeTheConnackIsAcknowledgedAndApplied() throws Exception {
        try (Gateway gateway = Gateway.start(GatewayConfig.defaults().with(0, null, 0, dir.resolve("gw")))) {
            Http http = new Http(gateway.httpPort());
            await().atMost(Duration.ofSeconds(20)).until(() -> http.get("/health").statusCode() == 200);
            int port = Integer.parseInt(gateway.brokerUrl().substring(gateway.brokerUrl().lastIndexOf(':') + 1));
            for (int i = 1; i <= 12; i++) {
                String seat = String.format("s-%03d", i);
                String status = "{\"v\":1,\"online\":true,\"boot\":\"py-" + i + "\",\"fw\":\"py\",\"ts\":"
                        + System.currentTimeMillis() + "}";
                try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
                    socket.setSoTimeout(5_000);
                    OutputStream out = socket.getOutputStream();
                    ByteArrayOutputStream both = new ByteArrayOutputStream();
                    both.writeBytes(connect("py-" + i));
                    both.writeBytes(publishQos1("seatlink/v1/hq/f1/" + seat + "/status", 7, status));
                    out.write(both.toByteArray()); // one write: the PUBLISH does not wait for the CONNACK
                    out.flush();

                    DataInputStream in = new DataInputStream(socket.getInputStream());
                    byte[] answer = new byte[8];
                    in.readFully(answer);

                    // CONNACK accepted, then PUBACK for packet 7
                    assertThat(answer).as("connection %d", i).containsExactly(0x20, 2, 0, 0, 0x40, 2, 0, 7);
                }
                await().atMost(Duration.ofSeconds(5)).until(() -> http.json("/api/seats/" + seat).path("online").asBoolean());
            }
        }
    }

    @Test
    void theGateReadsTheFirstPacketsLengthFromItsHeaderOnly() {
        assertThat(ConnectGate.packetLength(Buffer.buffer(new byte[] {0x10}))).isZero();
        assertThat(ConnectGate.packetLength(Buffer.buffer(new byte[] {0x10, 12}))).isEqualTo(14);
        assertThat(ConnectGate.packetLength(Buffer.buffer(new byte[] {0x10, (byte) 0xC1, 0x02}))).isEqualTo(3 + 321);
        assertThat(ConnectGate.packetLength(Buffer.buffer(new byte[] {0x10, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF,
                (byte) 0xFF, 1}))).isEqualTo(-1);
    }
}
