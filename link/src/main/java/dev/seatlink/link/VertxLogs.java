package dev.seatlink.link;

import io.vertx.core.spi.logging.LogDelegate;
import io.vertx.core.spi.logging.LogDelegateFactory;
import org.tinylog.Level;

/**
 * Vert.x's own log lines into tinylog at their level, but for the MQTT client's: it logs each failed connect as an
 * error with its stack trace, while the links log the same failure in one line with the node they try next
 * ({@code BrokerLink}, {@code CentreLink}). With a node down that was an error and some twenty lines of stack per
 * attempt in every gateway's and centre view's log ({@code bench center} 2026-12-06). Its errors and warnings go to
 * debug here.
 *
 * <p>A level in {@code tinylog.properties} cannot do it: tinylog takes the class that calls it, which for Vert.x is
 * its logging adapter, never the MQTT client. A process's main installs this ({@link #install()}) before it starts
 * Vert.x; tests keep Vert.x's default.
 */
public final class VertxLogs implements LogDelegateFactory {
    static final String MQTT_CLIENT = "io.vertx.mqtt.impl.MqttClientImpl";

    /** Vert.x reads this once, when it first logs: call before anything of Vert.x runs. */
    public static void install() {
        System.setProperty("vertx.logger-delegate-factory-class-name", VertxLogs.class.getName());
    }

    /** The level a Vert.x logger's line is said at: as asked, but the MQTT client's errors and warnings at debug. */
    static Level said(String logger, Level asked) {
        boolean loud = asked == Level.ERROR || asked == Level.WARN;
        return loud && MQTT_CLIENT.equals(logger) ? Level.DEBUG : asked;
    }

    @Override
    public boolean isAvailable() {
        return true;
    }

    @Override
    public LogDelegate createDelegate(String name) {
        return new VertxLog(name);
    }
}
