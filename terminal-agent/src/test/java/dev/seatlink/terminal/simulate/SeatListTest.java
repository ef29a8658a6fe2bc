package dev.seatlink.terminal.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.seatlink.terminal.testing.UnansweringBroker;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class SeatListTest {

    @Test
    void rangesKeepPrefixAndPadding() {
        assertThat(SeatList.parse("s-001..s-003,s-010")).containsExactly("s-001", "s-002", "s-003", "s-010");
        assertThat(SeatList.parse("s-008..s-011")).containsExactly("s-008", "s-009", "s-010", "s-011");
    }

    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aGatewayThatTakesTheConnectionAndNeverAnswersFailsTheListOnceTheWaitIsUp() throws Exception {
        try (UnansweringBroker silent = UnansweringBroker.silent()) { // a TCP server that answers nothing
            URI floor = URI.create(silent.url().replace("tcp://", "http://") + "/api/floor");

            assertThatThrownBy(() -> SeatList.fromGateway(floor, Duration.ofSeconds(1), Duration.ofMillis(300)))
                    .isInstanceOf(IOException.class).hasMessageStartingWith("cannot read seats from " + floor);
        }
    }

    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aGatewayThatStopsMidAnswerFailsTheListOnceTheWaitIsUp() throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        HttpServer gateway = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        gateway.createContext("/", exchange -> {
            exchange.sendResponseHeaders(200, 1_000); // promises more than it sends
            try (OutputStream body = exchange.getResponseBody()) {
                body.write("{\"seats\":[".getBytes(StandardCharsets.UTF_8));
                body.flush();
                done.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException readerGaveUp) {
                // what this test wants
            }
        });
        ExecutorService answering = Executors.newCachedThreadPool();
        gateway.setExecutor(answering);
        gateway.start();
        try {
            URI floor = URI.create("http://127.0.0.1:" + gateway.getAddress().getPort() + "/api/floor");

            assertThatThrownBy(() -> SeatList.fromGateway(floor, Duration.ofSeconds(1), Duration.ofMillis(300)))
                    .isInstanceOf(IOException.class)
                    .hasMessage("cannot read seats from " + floor + ": no whole answer within 300 ms");
        } finally {
            done.countDown();
            gateway.stop(0);
            answering.shutdownNow();
        }
    }

    @Test
    void badSeatsAreNamed() {
        assertThatThrownBy(() -> SeatList.parse("s-001,S 2")).hasMessage("'S 2' is not a seat id");
        assertThatThrownBy(() -> SeatList.parse("a..b")).hasMessageContaining("needs two ends");
    }
}
