package dev.seatlink.link;

/**
 * How long something sent through the broker lately took to come back: a moving average that weighs each new sample
 * an eighth, so one slow round trip moves it little and a lasting change moves it within a few. 0 before the first
 * sample. Pure; one thread at a time.
 */
public final class RoundTrip {
    private long averageMs;

    /** One round trip that took {@code tookMs}. */
    public void took(long tookMs) {
        averageMs = averageMs == 0 ? tookMs : (averageMs * 7 + tookMs) / 8;
    }

    /** The moving average, 0 before the first round trip. */
    public long averageMs() {
        return averageMs;
    }
}
