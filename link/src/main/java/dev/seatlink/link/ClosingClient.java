package dev.seatlink.link;

import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttClientPersistence;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.TimerPingSender;

/**
 * A Paho client on threads of its own, so that {@link #close(boolean)} first waits for them to finish. Paho 1.2.5's
 * receiver does not: stopping it checks a state the stop has just changed, and {@code close} then clears what the
 * receiver uses, so a message read just before a disconnect killed the receiver thread with a NullPointerException
 * (eclipse-paho/paho.mqtt.java#955; {@code ClosingMidStreamTest}).
 */
final class ClosingClient extends MqttAsyncClient {
    /** How long a close waits for the client's threads: after a disconnect they end within milliseconds. */
    static final long THREADS_END_MS = 2_000;

    private final ScheduledThreadPoolExecutor threads;

    private ClosingClient(String serverUri, String clientId, MqttClientPersistence persistence,
                          ScheduledThreadPoolExecutor threads) throws MqttException {
        super(serverUri, clientId, persistence, new TimerPingSender(), threads);
        this.threads = threads;
    }

    static ClosingClient create(String serverUri, String clientId, MqttClientPersistence persistence)
            throws MqttException {
        // Up to eight: a connect's, the receiver's, the sender's and the callback's, with room for a reconnect's while
        // the last ones end. Idle ones end after a while, so a seat that reconnects often does not pile them up.
        ScheduledThreadPoolExecutor threads = new ScheduledThreadPoolExecutor(8, named(clientId));
        threads.setKeepAliveTime(10, TimeUnit.SECONDS);
        threads.allowCoreThreadTimeOut(true);
        threads.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        try {
            return new ClosingClient(serverUri, clientId, persistence, threads);
        } catch (MqttException | RuntimeException e) {
            threads.shutdownNow();
            throw e;
        }
    }

    /** Waits (at most {@link #THREADS_END_MS}) for the client's threads to end, then closes it. Disconnect first. */
    @Override
    public void close(boolean force) throws MqttException {
        threads.shutdown();
        try {
            threads.awaitTermination(THREADS_END_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        super.close(force);
    }

    private static ThreadFactory named(String clientId) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "mqtt " + clientId + " " + count.incrementAndGet());
            thread.setDaemon(true); // as the terminal's other threads: a forgotten close does not keep a JVM up
            return thread;
        };
    }
}
