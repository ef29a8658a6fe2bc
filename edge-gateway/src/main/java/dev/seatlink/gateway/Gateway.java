package dev.seatlink.gateway;

import dev.seatlink.gateway.access.PasswordFile;
import dev.seatlink.gateway.agents.AgentFile;
import dev.seatlink.gateway.moves.MoveFile;
import dev.seatlink.gateway.roster.RosterFile;
import dev.seatlink.gateway.shift.ShiftRecords;
import dev.seatlink.gateway.audit.AuditLog;
import dev.seatlink.gateway.broker.BrokerAccessFiles;
import dev.seatlink.gateway.broker.EmbeddedBroker;
import dev.seatlink.gateway.site.SiteConfig;
import dev.seatlink.gateway.site.SiteConfigLoader;
import dev.seatlink.gateway.site.SiteWatcher;
import dev.seatlink.gateway.brokerlink.LinkSettings;
import dev.seatlink.gateway.central.CentralCopy;
import dev.seatlink.gateway.central.CentralStatus;
import dev.seatlink.gateway.central.CentralStore;
import dev.seatlink.gateway.store.CentralOutbox;
import dev.seatlink.gateway.store.EventStore;
import dev.seatlink.link.Credentials;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.tinylog.Logger;

/** A running gateway: seat map loaded, event store open, broker (embedded or external) linked, HTTP serving. */
public final class Gateway implements AutoCloseable {
    /** The system property the blocked-loop limit is read from (ms). */
    public static final String LOOP_LIMIT_PROPERTY = "seatlink.loopLimitMs";

    private final SiteConfig map;
    private final EmbeddedBroker broker;
    private final EventStore store;
    private final Vertx vertx;
    private final String brokerUrl;
    private final int httpPort;
    private final String wallboardUrl;
    private final CentralCopy central;

    private Gateway(SiteConfig map, EmbeddedBroker broker, EventStore store, CentralCopy central, Vertx vertx,
                    String brokerUrl, int httpPort, String wallboardUrl) {
        this.map = map;
        this.central = central;
        this.broker = broker;
        this.store = store;
        this.vertx = vertx;
        this.brokerUrl = brokerUrl;
        this.httpPort = httpPort;
        this.wallboardUrl = wallboardUrl;
    }

    /**
     * Starts everything and returns once HTTP is listening; the broker link comes up in the background.
     *
     * @throws GatewayStartException with one line saying what failed (seat map, broker port, HTTP port)
     */
    public static Gateway start(GatewayConfig requested) {
        SiteConfigLoader loader = new SiteConfigLoader();
        Path siteFile = requested.floor().siteFile();
        SiteConfig map = siteFile == null ? loader.loadDemo() : loader.load(siteFile);
        SiteWatcher watcher = siteFile == null ? null : new SiteWatcher(siteFile, loader);
        PasswordFile supervisors = requested.http().usersFile() == null ? PasswordFile.none()
                : PasswordFile.load(requested.http().usersFile());
        // With --embedded-auth the embedded broker checks logins and the gateway logs in like any client.
        Path auth = requested.link().embedded() ? requested.link().embeddedAuth() : null;
        BrokerAccessFiles access = auth == null ? null
                : new BrokerAccessFiles(map, PasswordFile.load(auth.resolve("passwd")));
        Credentials login = auth == null ? null : gatewayLogin(auth);
        GatewayConfig config = login == null ? requested
                : requested.withLogin(login.username(), login.password(), requested.link().tlsCaFile());
        GatewayConfig.Central centralStore = config.store().central();
        EventStore store = EventStore.open(config.store().dataDir(), centralStore != null);
        long now = System.currentTimeMillis();
        FloorVerticle.Restored restored;
        AuditLog audit;
        ShiftRecords shiftRecords;
        try {
            long shiftStart = map.shifts().startOf(now);
            restored = new FloorVerticle.Restored(store.lastPerSeat(), store.window(shiftStart, now),
                    store.callFigures(shiftStart, now, null, false), store.callFigures(shiftStart, now, null, true),
                    new AgentFile(config.store().dataDir()).load(map), new MoveFile(config.store().dataDir()).load(),
                    new RosterFile(config.store().dataDir()).load());
            audit = AuditLog.open(store.file());
            shiftRecords = ShiftRecords.open(store.file());
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        Logger.info("event store {}: {} seat(s) with history, {} event(s) and {} agent(s) with calls this shift",
                store.file(), restored.lastStored().size(), restored.shiftSoFar().size(), restored.callsByAgent().size());
        EmbeddedBroker broker;
        try {
            broker = config.link().embedded() ? EmbeddedBroker.start(config.link().mqttHost(), config.link().mqttPort(),
                    config.store().dataDir(), access) : null;
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        String brokerUrl = broker == null ? config.link().brokerUrl() : broker.url();
        if (broker != null && access == null) {
            Logger.warn("the embedded broker {} is anonymous: any process that reaches it can publish seat "
                    + "events, configs, commands and results; it listens on {} only{}; use --embedded-auth DIR "
                    + "(tools/seatlink credentials) or Mosquitto for a real floor", broker.url(),
                    config.link().mqttHost(),
                    isLoopback(config.link().mqttHost()) ? " (this machine)" : " - NOT loopback");
        }
        CentralCopy central = centralStore == null ? null : new CentralCopy(new CentralOutbox(store),
                new CentralStore(centralStore.url(), centralStore.user(), centralStore.password()), map.site(), map.floor(),
                LinkSettings.forGateway(config, brokerUrl, map.site(), map.floor()).gatewayId());
        Vertx vertx = Vertx.vertx(vertxOptions());
        FloorVerticle verticle = new FloorVerticle(config, map, watcher, brokerUrl, store, audit, shiftRecords,
                restored, supervisors,
                central == null ? CentralStatus.off() : central);
        try {
            vertx.deployVerticle(verticle).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException | InterruptedException e) {
            vertx.close();
            store.close();
            if (broker != null) {
                broker.close();
            }
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new GatewayStartException("cannot serve HTTP on " + config.http().host() + ":" + config.http().port()
                    + ": " + cause.getMessage(), cause);
        }
        String scheme = config.http().https() == null ? "http" : "https";
        Logger.info("gateway for {}/{} ({} seats) serving {}://{}:{}/ with broker {}", map.site(), map.floor(),
                map.seats().size(), scheme, config.http().host(), verticle.httpPort(), brokerUrl);
        if (config.http().https() == null && !isLoopback(config.http().host())) {
            Logger.warn("serving plain HTTP on {}: supervisors' passwords cross the network readable; give "
                    + "--https-cert and --https-key", config.http().host());
        }
        if (central != null) {
            central.start();
            Logger.info("copying stored events to the centre store {}", centralStore.url());
        }
        return new Gateway(map, broker, store, central, vertx, brokerUrl, verticle.httpPort(),
                config.http().wallboardUrl(verticle.httpPort()));
    }

    /**
     * Vert.x warns ("has been blocked for") when a handler holds an event loop longer than the
     * {@value #LOOP_LIMIT_PROPERTY} system property (ms, default 2,000); the test suite sets it tight and
     * fails the test that caused such a warning.
     */
    static VertxOptions vertxOptions() {
        long limitMs = Long.getLong(LOOP_LIMIT_PROPERTY, 2_000);
        return new VertxOptions().setMaxEventLoopExecuteTime(limitMs)
                .setMaxEventLoopExecuteTimeUnit(TimeUnit.MILLISECONDS)
                .setBlockedThreadCheckInterval(Math.max(50, limitMs / 4))
                .setBlockedThreadCheckIntervalUnit(TimeUnit.MILLISECONDS)
                // with the stack of what held it, from the first warning on
                .setWarningExceptionTime(limitMs).setWarningExceptionTimeUnit(TimeUnit.MILLISECONDS);
    }

    /** The gateway's own login in a credentials directory. */
    private static Credentials gatewayLogin(Path dir) {
        try {
            return Credentials.read(dir.resolve("gateway.credentials"));
        } catch (IllegalArgumentException e) {
            throw new GatewayStartException(e.getMessage(), e);
        }
    }

    private static boolean isLoopback(String host) {
        return "127.0.0.1".equals(host) || "localhost".equals(host) || "::1".equals(host);
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
        return wallboardUrl;
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
        if (central != null) {
            central.close();
        }
        store.close();
        if (broker != null) {
            broker.close();
        }
    }
}
