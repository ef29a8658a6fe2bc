package dev.seatlink.gateway.jobs;

import dev.seatlink.gateway.web.SseStream;

/** A comment line to every wallboard stream, so proxies and browsers keep a quiet stream open. */
public final class StreamHeartbeat implements PeriodicJob {
    /** Shorter than the HTTP idle timeout, so a wallboard that reads is never idle. */
    public static final long PERIOD_MS = 15_000;

    private final SseStream stream;

    public StreamHeartbeat(SseStream stream) {
        this.stream = stream;
    }

    @Override
    public long periodMs() {
        return PERIOD_MS;
    }

    @Override
    public void run() {
        stream.heartbeat();
    }
}
