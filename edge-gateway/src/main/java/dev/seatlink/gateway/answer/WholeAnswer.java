package dev.seatlink.gateway.answer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An HTTP answer's body read whole within a bound. The JDK client's request timeout ends at the headers, and its body
 * stream has no timeout of its own: a server — or whatever else answers at that address — that stops mid-answer would
 * hold the reader for ever. Closing the stream from another thread is what ends a read that waits.
 */
public final class WholeAnswer {
    private WholeAnswer() {
    }

    /** Reads a body, as the caller needs it. */
    @FunctionalInterface
    public interface BodyReader<T> {
        T read(InputStream body) throws IOException;
    }

    /** The answer did not come whole within its bound. */
    public static final class NotWhole extends IOException {
        NotWhole(String from, Duration within) {
            super("no whole answer from " + from + " within " + within.toMillis() + " ms");
        }
    }

    /**
     * @param from what was asked, for the error ({@code /api/fleet})
     * @throws NotWhole when the bound is up first; the body is closed by then
     */
    public static <T> T read(InputStream body, Duration within, String from, BodyReader<T> reader) throws IOException {
        AtomicBoolean cut = new AtomicBoolean();
        CompletableFuture<Void> cutOff = CompletableFuture.runAsync(() -> {
            cut.set(true);
            try {
                body.close();
            } catch (IOException ignored) {
                // closing is all that was wanted
            }
        }, CompletableFuture.delayedExecutor(within.toMillis(), TimeUnit.MILLISECONDS));
        try {
            return reader.read(body);
        } catch (IOException e) {
            if (cut.get()) {
                throw new NotWhole(from, within);
            }
            throw e;
        } finally {
            cutOff.cancel(false);
        }
    }

    /** The body as UTF-8 text. */
    public static String text(InputStream body, Duration within, String from) throws IOException {
        return read(body, within, from, in -> new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
}
