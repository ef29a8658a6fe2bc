package dev.seatlink.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code cluster status} against monitoring URLs that are not a NATS node's (a stand-in HTTP server from the JDK). */
class ClusterStatusTest {
    private final CountDownLatch released = new CountDownLatch(1);
    private final ExecutorService handlers = Executors.newCachedThreadPool();
    private HttpServer server;

    @AfterEach
    void stop() {
        released.countDown();
        if (server != null) {
            server.stop(0);
        }
        handlers.shutdownNow();
    }

    /**
     * What the server gets out before the reader stops is what the reader took (1 MiB) plus what the kernel buffers
     * on loopback: up to {@code tcp_rmem}'s and {@code tcp_wmem}'s maxima, 32 + 4 MiB on the CI machine (a bound of
     * 16 MiB here failed once at 16.2 MiB). The answer is longer than any such buffering, so a reader that did not
     * stop is the only way all of it gets out.
     */
    private static final int ANSWER_CHUNKS = 2_048; // 128 MiB

    @Test
    void aUrlAnsweringWithoutEndIsReadNoFurtherThanItsBoundAndCountsAsSilent() throws IOException {
        byte[] chunk = new byte[64 * 1024];
        Arrays.fill(chunk, (byte) ' ');
        AtomicLong written = new AtomicLong();
        start(exchange -> {
            exchange.sendResponseHeaders(200, 0); // chunked, no length
            try (OutputStream out = exchange.getResponseBody()) {
                out.write('{');
                for (int i = 0; i < ANSWER_CHUNKS; i++) { // all of it only if the reader does not stop
                    out.write(chunk);
                    written.addAndGet(chunk.length);
                }
            } catch (IOException stoppedReading) {
                // the status command closed the connection: what this test wants
            }
        });

        String said = status();

        assertThat(said).contains("no answer", "NOT HEALTHY: ");
        assertThat(written.get()).as("bytes the server got out before the reader stopped")
                .isLessThan((long) ANSWER_CHUNKS * chunk.length);
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aUrlThatStopsMidAnswerCountsAsSilentInsteadOfHoldingTheStatusForEver() throws IOException {
        byte[] start = "{\"status\":".getBytes(StandardCharsets.UTF_8);
        start(exchange -> {
            exchange.sendResponseHeaders(200, start.length + 100);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(start);
                out.flush();
                released.await(60, TimeUnit.SECONDS); // the rest never comes while the test runs
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException stoppedReading) {
                // the status command gave up: what this test wants
            }
        });

        assertThat(status()).contains("no answer", "NOT HEALTHY: ");
    }

    @Test
    void aUrlAnsweringWithSomethingOtherThanJsonCountsAsSilent() throws IOException {
        start(exchange -> {
            byte[] page = "<html>not NATS</html>".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, page.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(page);
            }
        });

        assertThat(status()).contains("no answer", "NOT HEALTHY: ");
    }

    @Test
    void aNodeThatMissesOneRequestIsAskedAgainAndCountsAsAnswering() throws IOException {
        AtomicLong requests = new AtomicLong();
        start(exchange -> {
            if (requests.incrementAndGet() <= 2) { // the HTTP client itself asks a dropped GET once more
                exchange.close(); // no answer at all: as a node busy electing leaders, or on a loaded host
                return;
            }
            String path = exchange.getRequestURI().getPath();
            byte[] page = (path.equals("/healthz") ? "{\"status\":\"ok\"}"
                    : path.equals("/varz") ? "{\"server_name\":\"n1\",\"connections\":1}"
                    : "{\"meta_cluster\":{\"leader\":\"n1\"},\"config\":{}}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, page.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(page);
            }
        });
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int exit = ClusterStatus.of("http://127.0.0.1:" + server.getAddress().getPort())
                .check(new PrintStream(out, true, StandardCharsets.UTF_8), Duration.ZERO);

        assertThat(out.toString(StandardCharsets.UTF_8)).contains("n1", "healthz ok").doesNotContain("no answer");
        assertThat(exit).isEqualTo(ClusterStatus.HEALTHY);
        assertThat(requests.get()).as("the two missed, then healthz, varz and jsz").isEqualTo(5);
    }

    private void start(com.sun.net.httpserver.HttpHandler handler) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(handlers); // a handler that holds its answer holds no other request
        server.createContext("/", handler);
        server.start();
    }

    private String status() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = ClusterStatus.of("http://127.0.0.1:" + server.getAddress().getPort())
                .check(new PrintStream(out, true, StandardCharsets.UTF_8), Duration.ZERO);
        assertThat(exit).isEqualTo(ClusterStatus.NOT_HEALTHY);
        return out.toString(StandardCharsets.UTF_8);
    }
}
