package dev.seatlink.link.testing;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP server on loopback that takes MQTT connections and then leaves requests unanswered, as a stuck broker,
 * another program on the broker's port, or a NATS node that has just lost a peer may: it answers a CONNECT only when
 * told to, a PINGREQ always (so a client's own keepalive never drops the connection for it), and nothing else. It
 * reads just enough MQTT to tell the packets apart; it is no broker. Counts the connections it took, and the
 * subscribe and unsubscribe requests on each.
 */
public final class UnansweringBroker implements AutoCloseable {
    private static final int CONNECT = 0x10;
    private static final int SUBSCRIBE = 0x80;
    private static final int UNSUBSCRIBE = 0xA0;
    private static final int PINGREQ = 0xC0;
    private static final byte[] CONNACK_ACCEPTED = {0x20, 2, 0, 0};
    private static final byte[] PINGRESP = {(byte) 0xD0, 0};

    private final ServerSocket server;
    private final boolean answersConnect;
    private final long connackDelayMs;
    private final boolean dropsFirstAtSubscribe;
    private final List<Socket> taken = new CopyOnWriteArrayList<>();
    private final List<AtomicInteger> subscribeRequests = new CopyOnWriteArrayList<>();

    private UnansweringBroker(boolean answersConnect, long connackDelayMs, boolean dropsFirstAtSubscribe)
            throws IOException {
        this.answersConnect = answersConnect;
        this.connackDelayMs = connackDelayMs;
        this.dropsFirstAtSubscribe = dropsFirstAtSubscribe;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "unanswering-broker");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Answers nothing at all: a connect waits for ever. */
    public static UnansweringBroker silent() throws IOException {
        return new UnansweringBroker(false, 0, false);
    }

    /** Accepts every connect at once, then answers no subscribe, unsubscribe or publish. */
    public static UnansweringBroker acceptingConnects() throws IOException {
        return new UnansweringBroker(true, 0, false);
    }

    /**
     * Accepts every connect {@code connackDelayMs} late, and drops the first connection when it asks to subscribe or
     * unsubscribe: the link is lost while a client's subscribe is under way, so both may ask for a reconnect.
     */
    public static UnansweringBroker droppingTheFirstSubscribe(long connackDelayMs) throws IOException {
        return new UnansweringBroker(true, connackDelayMs, true);
    }

    public String url() {
        return "tcp://127.0.0.1:" + server.getLocalPort();
    }

    /** How many connections it has taken so far. */
    public int connections() {
        return taken.size();
    }

    /** How many subscribe and unsubscribe requests came on the connections after the first. */
    public int subscribeRequestsAfterTheFirstConnection() {
        return subscribeRequests.stream().skip(1).mapToInt(AtomicInteger::get).sum();
    }

    private void accept() {
        try {
            while (true) {
                Socket socket = server.accept();
                AtomicInteger requests = new AtomicInteger();
                boolean first = taken.isEmpty();
                taken.add(socket);
                subscribeRequests.add(requests);
                Thread reader = new Thread(() -> answer(socket, first, requests), "unanswering-broker-reader");
                reader.setDaemon(true);
                reader.start();
            }
        } catch (IOException closed) {
            // closed by the test
        }
    }

    private void answer(Socket socket, boolean first, AtomicInteger requests) {
        try (DataInputStream in = new DataInputStream(socket.getInputStream())) {
            OutputStream out = socket.getOutputStream();
            while (true) {
                int type = in.readUnsignedByte() & 0xF0;
                in.skipNBytes(remainingLength(in));
                if (type == CONNECT && answersConnect) {
                    Thread.sleep(connackDelayMs);
                    out.write(CONNACK_ACCEPTED);
                } else if (type == PINGREQ) {
                    out.write(PINGRESP);
                } else if (type == SUBSCRIBE || type == UNSUBSCRIBE) {
                    requests.incrementAndGet();
                    if (first && dropsFirstAtSubscribe) {
                        socket.close();
                        return;
                    }
                }
                out.flush();
            }
        } catch (IOException closed) {
            // the client dropped the connection, or the test is over
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** MQTT's variable-length remaining length (3.1.1, 2.2.3). */
    private static int remainingLength(DataInputStream in) throws IOException {
        int length = 0;
        int shift = 0;
        int digit;
        do {
            digit = in.readUnsignedByte();
            length |= (digit & 0x7F) << shift;
            shift += 7;
        } while ((digit & 0x80) != 0);
        return length;
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : taken) {
            socket.close();
        }
    }
}
