package dev.seatlink.gateway.jetstream;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Reading a node's monitoring port (here a stand-in HTTP server from the JDK). */
class HttpNodeMonitorTest {
    @Test
    void aNodeAnswersWithItsStorageAndConsumers() throws IOException {
        String answer = "{\"storage\":2048,\"memory\":0,\"account_details\":[{\"stream_detail\":["
                + "{\"name\":\"$MQTT_msgs\",\"state\":{\"messages\":5,\"bytes\":900},"
                + "\"consumer_detail\":[{\"name\":\"abcdefgh_x\","
                + "\"config\":{\"filter_subject\":\"$MQTT.msgs.seatlink.v1.hq.f1.s-001.>\"},\"num_pending\":3,"
                + "\"num_ack_pending\":1,\"delivered\":{\"stream_seq\":2}}]}]}]}";
        try (StandInNode node = new StandInNode(answer, false)) {

            NodeReading reading = new HttpNodeMonitor(Duration.ofSeconds(10)).read(node.url());

            assertThat(reading.problem()).isNull();
            assertThat(reading.storeBytes()).isEqualTo(2048);
            assertThat(reading.consumers()).singleElement().satisfies(c -> assertThat(c.pending()).isEqualTo(3));
        }
    }

    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aNodeThatStopsMidAnswerIsShownUnreachableOnceTheBoundIsUpInsteadOfHoldingTheReadingForEver()
            throws IOException {
        try (StandInNode node = new StandInNode("{\"storage\":2048,\"account_details\":[", true)) {

            NodeReading reading = new HttpNodeMonitor(Duration.ofMillis(500)).read(node.url());

            assertThat(reading.problem()).isEqualTo("no whole answer from " + HttpNodeMonitor.PATH + " within 500 ms");
            assertThat(reading.consumers()).isEmpty();
        }
    }

    /** Answers {@code text}; or, if it {@code stalls}, that as a longer answer's start, then nothing until closed. */
    private static final class StandInNode implements AutoCloseable {
        private final CountDownLatch closed = new CountDownLatch(1);
        private final ExecutorService answering = Executors.newCachedThreadPool();
        private final HttpServer server;

        StandInNode(String text, boolean stalls) throws IOException {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.setExecutor(answering);
            server.createContext("/", exchange -> {
                exchange.sendResponseHeaders(200, stalls ? bytes.length + 1_000 : bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                    out.flush();
                    if (stalls) {
                        closed.await(30, TimeUnit.SECONDS);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (IOException readerGaveUp) {
                    // what the stalling test wants
                }
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        @Override
        public void close() {
            closed.countDown();
            server.stop(0);
            answering.shutdownNow();
        }
    }
}
