package dev.seatlink.terminal.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * An HTTP server from the JDK on a free loopback port that answers every request with {@code text}; or, if it
 * {@code stalls}, with that as a longer answer's start, then nothing until it is closed (a gateway or a NATS node's
 * monitoring that stops mid-answer, for the readers that must give up on it). It notes the protocol upgrades its
 * requests asked for.
 */
public final class StandInServer implements AutoCloseable {
    private final CountDownLatch closed = new CountDownLatch(1);
    private final ExecutorService answering = Executors.newCachedThreadPool();
    private final HttpServer server;
    private final List<String> upgrades = new CopyOnWriteArrayList<>();

    private StandInServer(int status, String text, boolean stalls) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(answering);
        server.createContext("/", exchange -> {
            String upgrade = exchange.getRequestHeaders().getFirst("Upgrade");
            if (upgrade != null) {
                upgrades.add(upgrade);
            }
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(status, stalls ? bytes.length + 1_000 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
                out.flush();
                if (stalls) {
                    closed.await(30, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException readerGaveUp) {
                // what the stalling tests want
            }
        });
        server.start();
    }

    public static StandInServer answering(String text) throws IOException {
        return new StandInServer(200, text, false);
    }

    public static StandInServer stallingAfter(String start) throws IOException {
        return new StandInServer(200, start, true);
    }

    /** The upgrades the requests so far asked for: "h2c" is the JDK client's HTTP/2 over plain HTTP. */
    public List<String> upgradesAsked() {
        return List.copyOf(upgrades);
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
        answering.shutdownNow();
    }
}
