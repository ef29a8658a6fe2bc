package dev.seatlink.gateway;

import dev.seatlink.gateway.broker.EmbeddedBroker;
import dev.seatlink.gateway.site.SeatMap;
import dev.seatlink.gateway.site.SeatMapLoader;
import io.vertx.core.Vertx;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.tinylog.Logger;

/** A running gateway: seat map loaded, broker (embedded or external) linked, HTTP serving. */
public final class Gateway implements AutoCloseable {
    private final SeatMap map;
    private final EmbeddedBroker broker;
    private final Vertx vertx;
    private final String brokerUrl;
    private final String httpHost;
    private final int httpPort;

    private Gateway(SeatMap map, EmbeddedBroker broker, Vertx vertx, String brokerUrl, String httpHost, int httpPort) {
        this.map = map;
        this.broker = broker;
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
    public static Gateway start(GatewayConfig config) {
        SeatMapLoader loader = new SeatMapLoader();
        SeatMap map = config.seatMap() == null ? loader.loadDemo() : loader.load(config.seatMap());
        EmbeddedBroker broker = config.embeddedBroker()
                ? EmbeddedBroker.start(config.mqttHost(), config.mqttPort(), config.dataDir()) : null;
        String brokerUrl = broker == null ? config.brokerUrl() : broker.url();
        Vertx vertx = Vertx.vertx();
        FloorVerticle verticle = new FloorVerticle(config, map, brokerUrl);
        try {
            vertx.deployVerticle(verticle).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException | InterruptedException e) {
            vertx.close();
            if (broker != null) {
                broker.close();
            }
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new GatewayStartException("cannot serve HTTP on " + config.httpHost() + ":" + config.httpPort() + ": "
                    + cause.getMessage(), cause);
        }
        Logger.info("gateway for {}/{} ({} seats) serving http://{}:{}/ with broker {}", map.site(), map.floor(),
                map.seats().size(), config.httpHost(), verticle.httpPort(), brokerUrl);
        return new Gateway(map, broker, vertx, brokerUrl, config.httpHost(), verticle.httpPort());
    }

    public SeatMap seatMap() {
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
        return "http://" + host + ":" + httpPort + "/";
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
        if (broker != null) {
            broker.close();
        }
    }
}
