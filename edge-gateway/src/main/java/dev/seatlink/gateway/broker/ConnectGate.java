package dev.seatlink.gateway.broker;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;
import org.tinylog.Logger;

/**
 * The embedded broker's public port. MQTT 3.1.1 lets a client send packets right after its CONNECT,
 * before the CONNACK (paho-python does); Moquette 0.17 drops a PUBLISH that arrives before it has
 * processed the CONNECT ("Routing collision"), without a PUBACK. This gate passes each connection's
 * CONNECT on to Moquette, holds whatever the client sent after it until Moquette's first answer (the
 * CONNACK) is back, and then only pipes bytes both ways.
 *
 * <p>It reads no more of MQTT than the fixed header of the first packet (its remaining length), and a
 * first packet over {@value #MAX_CONNECT_BYTES} bytes closes the connection.
 */
final class ConnectGate {
    /** A CONNECT carries a client id, a will and a login: far less than this. */
    static final int MAX_CONNECT_BYTES = 64 * 1024;

    private final Vertx vertx;
    private final NetClient toBroker;
    private final int brokerPort;
    private NetServer server;

    private ConnectGate(Vertx vertx, int brokerPort) {
        this.vertx = vertx;
        this.brokerPort = brokerPort;
        this.toBroker = vertx.createNetClient();
    }

    /** Listens on {@code host:port} in front of Moquette on loopback {@code brokerPort}. */
    static Future<ConnectGate> start(Vertx vertx, String host, int port, int brokerPort) {
        ConnectGate gate = new ConnectGate(vertx, brokerPort);
        gate.server = vertx.createNetServer(new NetServerOptions().setHost(host).setPort(port).setTcpNoDelay(true));
        return gate.server.connectHandler(gate::accept).listen().map(s -> gate);
    }

    /** The port it listens on (the one asked for, or the one chosen when asked for 0). */
    int port() {
        return server.actualPort();
    }

    private void accept(NetSocket client) {
        client.pause();
        toBroker.connect(brokerPort, "127.0.0.1").onComplete(connected -> {
            if (connected.failed()) {
                Logger.warn("embedded broker not reachable behind its gate: {}", connected.cause().getMessage());
                client.close();
                return;
            }
            new Connection(client, connected.result()).start();
        });
    }

    Future<Void> close() {
        return server.close().compose(v -> toBroker.close()).compose(v -> vertx.close());
    }

    /** One client's connection through the gate. */
    private static final class Connection {
        private final NetSocket client;
        private final NetSocket broker;
        private Buffer firstPacket = Buffer.buffer();
        private Buffer heldBack = Buffer.buffer();
        private boolean connectSent;

        Connection(NetSocket client, NetSocket broker) {
            this.client = client;
            this.broker = broker;
        }

        void start() {
            client.closeHandler(v -> broker.close());
            broker.closeHandler(v -> client.close());
            client.exceptionHandler(e -> broker.close());
            broker.exceptionHandler(e -> client.close());
            client.handler(this::fromClient);
            broker.handler(this::fromBroker);
            client.resume();
        }

        private void fromClient(Buffer bytes) {
            if (connectSent) {
                heldBack.appendBuffer(bytes);
                if (heldBack.length() > MAX_CONNECT_BYTES) { // a client that floods before its CONNACK
                    client.close();
                }
                return;
            }
            firstPacket.appendBuffer(bytes);
            int length = packetLength(firstPacket);
            if (length < 0 || length > MAX_CONNECT_BYTES) {
                Logger.warn("embedded broker gate: closing a connection whose first packet is malformed or too large");
                client.close();
                return;
            }
            if (length == 0 || firstPacket.length() < length) {
                return; // the CONNECT is not complete yet
            }
            connectSent = true;
            heldBack = firstPacket.getBuffer(length, firstPacket.length());
            broker.write(firstPacket.getBuffer(0, length));
            firstPacket = null;
        }

        private void fromBroker(Buffer bytes) {
            // The broker's first answer is the CONNACK: from here on the client's packets are safe to pass.
            client.write(bytes);
            if (heldBack.length() > 0) {
                broker.write(heldBack);
            }
            heldBack = null;
            client.pipeTo(broker);
            broker.pipeTo(client);
        }
    }

    /**
     * The whole length of the packet that starts {@code bytes}: 0 while its header is incomplete, -1 when the
     * remaining length is malformed (more than four bytes).
     */
    static int packetLength(Buffer bytes) {
        int multiplier = 1;
        int remaining = 0;
        for (int i = 1; i <= 4; i++) {
            if (bytes.length() <= i) {
                return 0;
            }
            int digit = bytes.getUnsignedByte(i);
            remaining += (digit & 0x7f) * multiplier;
            if ((digit & 0x80) == 0) {
                return 1 + i + remaining;
            }
            multiplier *= 128;
        }
        return -1;
    }
}
