package dev.seatlink.gateway.testing;

import io.vertx.core.Vertx;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A loopback TCP proxy whose connections can be frozen: they stay open and carry nothing, as with a frozen server or a
 * half-open connection, which no socket error ever reports. For pages that must notice a stream gone silent.
 */
public final class FreezingProxy implements AutoCloseable {
    /** One proxied connection; {@code frozen} is read on the proxy's event loop. */
    private static final class Carried {
        final NetSocket in;
        final NetSocket out;
        volatile boolean frozen;

        Carried(NetSocket in, NetSocket out) {
            this.in = in;
            this.out = out;
        }
    }

    private final Vertx vertx = Vertx.vertx();
    private final List<Carried> carried = new CopyOnWriteArrayList<>();
    private final NetServer server;

    private FreezingProxy(int targetPort) throws Exception {
        server = vertx.createNetServer().connectHandler(in -> {
            in.pause();
            vertx.createNetClient().connect(targetPort, "127.0.0.1").onSuccess(out -> {
                Carried c = new Carried(in, out);
                carried.add(c);
                in.handler(bytes -> {
                    if (!c.frozen) {
                        out.write(bytes);
                    }
                });
                out.handler(bytes -> {
                    if (!c.frozen) {
                        in.write(bytes);
                    }
                });
                in.closeHandler(v -> out.close());
                out.closeHandler(v -> in.close());
                in.resume();
            }).onFailure(e -> in.close());
        }).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /** A proxy to {@code 127.0.0.1:targetPort}. */
    public static FreezingProxy to(int targetPort) throws Exception {
        return new FreezingProxy(targetPort);
    }

    public int port() {
        return server.actualPort();
    }

    /** Every connection open now carries nothing more, either way, and stays open; new ones are carried. */
    public void freeze() {
        carried.forEach(c -> c.frozen = true);
    }

    /** The frozen connections are closed, as a network finally resets them. */
    public void cutFrozen() {
        carried.stream().filter(c -> c.frozen).forEach(c -> {
            carried.remove(c);
            c.in.close();
            c.out.close();
        });
    }

    @Override
    public void close() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }
}
