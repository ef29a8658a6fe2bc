package dev.seatlink.gateway;

import dev.seatlink.gateway.access.PasswordFile;
import dev.seatlink.gateway.audit.AuditLog;
import dev.seatlink.gateway.broker.BrokerAccessFiles;
import dev.seatlink.gateway.broker.EmbeddedBroker;
import dev.seatlink.gateway.site.SiteConfig;
import dev.seatlink.gateway.site.SiteConfigLoader;
import dev.seatlink.gateway.site.SiteWatcher;
import dev.seatlink.gateway.store.EventStore;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.tinylog.Logger;

/** A running gateway: seat map loaded, event store open, broker (embedded or external) linked, HTTP serving. */
public final class Gateway implements AutoCloseable {
    private final SiteConfig map;
    private final EmbeddedBroker broker;
    private final EventStore store;
    private final Vertx vertx;
    private final String brokerUrl;
    private final String scheme;
    private final String httpHost;
    private final int httpPort;

    private Gateway(SiteConfig map, EmbeddedBroker broker, EventStore store, Vertx vertx, String brokerUrl, String scheme,
                    String httpHost, int httpPort) {
        this.map = map;
        this.scheme = scheme;
        this.broker = broker;
        this.store = store;
        this.vertx = vertx;
        this.brokerUrl = brokerUrl;
        this.httpHost = httpHost;
        this.httpPort = httpPort;
    }

    /**
     * Starts everything and returns once HTTP is listening; the broker link comes up in the background.
     *
     * @throws GatewayStartException with one line saying what failed (seat map, broker port, HTTP port)
     */
    public static Gateway start(GatewayConfig requested) {
        SiteConfigLoader loader = new SiteConfigLoader();
        SiteConfig map = requested.siteFile() == null ? loader.loadDemo() : loader.load(requested.siteFile());
        SiteWatcher watcher = requested.siteFile() == null ? null : new SiteWatcher(requested.siteFile(), loader);
        PasswordFile supervisors = requested.usersFile() == null ? PasswordFile.none()
                : PasswordFile.load(requested.usersFile());
        // With --embedded-auth the embedded broker checks logins and the gateway logs in like any client.
        Path auth = requested.embeddedBroker() ? requested.embeddedAuth() : null;
        BrokerAccessFiles access = auth == null ? null
                : new BrokerAccessFiles(map, PasswordFile.load(auth.resolve("passwd")));
        GatewayConfig config = auth == null ? requested : requested.withLogin(credential(auth, "username"),
                credential(auth, "password"), requested.tlsCaFile());
        EventStore store = EventStore.open(config.dataDir());
        long now = System.currentTimeMillis();
        FloorVerticle.Restored restored;
        AuditLog audit;
        try {
            restored = new FloorVerticle.Restored(store.lastPerSeat(), store.window(map.shifts().startOf(now), now));
            audit = AuditLog.open(store.file());
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        Logger.info("event store {}: {} seat(s) with history, {} event(s) this shift", store.file(),
                restored.lastStored().size(), restored.shiftSoFar().size());
        EmbeddedBroker broker;
        try {
            broker = config.embeddedBroker()
                    ? EmbeddedBroker.start(config.mqttHost(), config.mqttPort(), config.dataDir(), access) : null;
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        String brokerUrl = broker == null ? config.brokerUrl() : broker.url();
        if (broker != null && access == null) {
            Logger.warn("the embedded broker on {}:{} is anonymous: any process that reaches it can publish seat "
                    + "events, configs, commands and results; it listens on {} only{}; use --embedded-auth DIR "
                    + "(tools/seatlink credentials) or Mosquitto for a real floor", config.mqttHost(), config.mqttPort(),
                    config.mqttHost(), isLoopback(config.mqttHost()) ? " (this machine)" : " - NOT loopback");
        }
        Vertx vertx = Vertx.vertx();
        FloorVerticle verticle = new FloorVerticle(config, map, watcher, brokerUrl, store, audit, restored, supervisors);
        try {
            vertx.deployVerticle(verticle).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException | InterruptedException e) {
            vertx.close();
            store.close();
            if (broker != null) {
                broker.close();
            }
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new GatewayStartException("cannot serve HTTP on " + config.httpHost() + ":" + config.httpPort() + ": "
                    + cause.getMessage(), cause);
        }
        String scheme = config.https() == null ? "http" : "https";
        Logger.info("gateway for {}/{} ({} seats) serving {}://{}:{}/ with broker {}", map.site(), map.floor(),
                map.seats().size(), scheme, config.httpHost(), verticle.httpPort(), brokerUrl);
        if (config.https() == null && !isLoopback(config.httpHost())) {
            Logger.warn("serving plain HTTP on {}: supervisors' passwords cross the network readable; give "
                    + "--https-cert and --https-key", config.httpHost());
        }
        return new Gateway(map, broker, store, vertx, brokerUrl, scheme, config.httpHost(), verticle.httpPort());
    }

    private static boolean isLoopback(String host) {
        return "127.0.0.1".equals(host) || "localhost".equals(host) || "::1".equals(host);
    }

    /** A field of the gateway's own credentials file in a credentials directory. */
    private static String credential(Path dir, String key) {
        Path file = dir.resolve("gateway.credentials");
        Properties props = new Properties();
        try (var reader = Files.newBufferedReader(file)) {
            props.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException(file + ": cannot read: " + e.getMessage(), e));
        }
        String value = props.getProperty(key);
        if (value == null) {
            throw new GatewayStartException(file + ": " + key + " is missing", null);
        }
        return value;
    }

    public SiteConfig site() {
        return map;
    }

    public String brokerUrl() {
        return brokerUrl;
    }

    public int httpPort() {
        return httpPort;
    }

    /** The wallboard's address as a person types it. */
    public String wallboardUrl() {
        String host = "0.0.0.0".equals(httpHost) ? "127.0.0.1" : httpHost;
        return scheme + "://" + host + ":" + httpPort + "/";
    }

    /** Stops HTTP, announces the gateway offline, stops the embedded broker. */
    @Override
    public void close() {
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            Logger.warn("gateway did not stop cleanly: {}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        store.close();
        if (broker != null) {
            broker.close();
        }
    }
}
