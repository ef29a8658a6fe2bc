package dev.seatlink.gateway.natsclient;

import dev.seatlink.gateway.floor.FloorClock;
import dev.seatlink.link.BrokerTls;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.vertx.core.Context;
import io.vertx.core.Future;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The gateway's one connection to a cluster's nodes through the NATS client ({@code --nats}), under its own login: the
 * pair's lease store reads and writes through it, and the seats' asks go out over it ({@link NatsAsks}). Made on the
 * first {@link #connection()}, which blocks (call it off the event loop); then the client moves from node to node by
 * itself.
 */
public final class NatsClient {
    /** A node that does not answer within this is taken as unreachable. */
    public static final Duration TIMEOUT = Duration.ofSeconds(2);
    /** A node silent this long is taken as not knowing yet (a leader that died is still taken for alive). */
    static final Duration ASK_WITHIN = Duration.ofSeconds(1);
    /** How often unanswered requests are ended: their timeouts ({@link #ASK_WITHIN}, say) hold to this. */
    static final Duration REQUEST_SWEEP = Duration.ofMillis(250);

    private final Options options;
    private final String name;
    private final int nodes;
    private final NatsClientLog log;
    /** Made under this object's lock, read without it by {@link #live()}. */
    private volatile Connection connection;

    /**
     * @param servers   the nodes' client URLs ({@code nats://HOST:4222})
     * @param login     the gateway's login at the cluster, or null; its password, or null
     * @param tlsCaFile the CA to trust for {@code tls://} servers, or null for the JVM's default CAs
     * @param clientId  the gateway's client id, its login's name on a cluster with logins
     */
    public NatsClient(List<String> servers, String login, String password, Path tlsCaFile, String clientId) {
        this.log = new NatsClientLog(clientId, FloorClock.SYSTEM, NatsClientLog.TO_LOG);
        // A full outgoing queue (a node that takes nothing) drops a publish rather than hold the event loop
        // that asks: asks are made again, and the lease's requests would time out anyway.
        Options.Builder builder = new Options.Builder().servers(servers.toArray(String[]::new))
                .connectionName(clientId).connectionTimeout(TIMEOUT).maxReconnects(-1)
                .reconnectWait(Duration.ofMillis(500)).inboxPrefix(inboxPrefix(clientId))
                // a request's timeout ends it only when the client next sweeps its requests, every 5 s by default
                .requestCleanupInterval(REQUEST_SWEEP)
                .discardMessagesWhenOutgoingQueueFull().connectionListener(log).errorListener(log);
        if (login != null) {
            builder.userInfo(login, password == null ? "" : password);
        }
        if (tlsCaFile != null) {
            builder.sslContext(BrokerTls.context(tlsCaFile));
        }
        this.options = builder.build();
        this.name = clientId;
        this.nodes = servers.size();
    }

    /** Where answers to this gateway's requests come: only its login may read there. */
    public static String inboxPrefix(String login) {
        return "_INBOX." + login;
    }

    /** The client's name at the nodes: the gateway's client id. */
    public String name() {
        return name;
    }

    /** How many nodes the client was given. */
    public int nodes() {
        return nodes;
    }

    /** Whether a node has refused this client a publish on {@code subject}: its login may not. */
    public boolean refusedToPublish(String subject) {
        return log.refusedToPublish(subject);
    }

    /** The connection, made on the first call (blocks: off the event loop). */
    public synchronized Connection connection() throws IOException, InterruptedException {
        if (connection == null) {
            connection = Nats.connect(options);
        }
        return connection;
    }

    /** Whether the connection has been made (it may be between nodes now). */
    public boolean made() {
        return connection != null;
    }

    /** The connection when it is on a node now, else null; never blocks. */
    public Connection live() {
        Connection made = connection;
        return made != null && made.getStatus() == Connection.Status.CONNECTED ? made : null;
    }

    /**
     * One question to the cluster, its answer on {@code context}: fails when none came within {@link #ASK_WITHIN}, or
     * with the {@link IllegalStateException} of a connection closed meanwhile.
     */
    static Future<byte[]> ask(Connection live, Context context, String subject, byte[] body) {
        try {
            return Future.fromCompletionStage(live.requestWithTimeout(subject, body, ASK_WITHIN), context)
                    .map(Message::getData);
        } catch (IllegalStateException closed) {
            return Future.failedFuture(closed);
        }
    }

    /** Closes the connection, if made (blocks: off the event loop). */
    public synchronized void close() throws InterruptedException {
        if (connection != null) {
            connection.close();
        }
    }
}
