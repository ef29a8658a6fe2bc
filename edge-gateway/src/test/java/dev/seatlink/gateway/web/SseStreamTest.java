package dev.seatlink.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class SseStreamTest {
    private long now = 1_000_000;
    private final List<Runnable> scheduled = new ArrayList<>();
    private final SseStream stream = new SseStream(() -> now, (ms, task) -> scheduled.add(task));

    /** The coalescing window ends: what was held goes out. */
    private void windowEnds() {
        now += SseStream.MAX_COALESCE_MS;
        List<Runnable> due = List.copyOf(scheduled);
        scheduled.clear();
        due.forEach(Runnable::run);
    }

    private static HttpServerResponse client() {
        return mock(HttpServerResponse.class, RETURNS_SELF);
    }

    @Test
    void aClientThatFallsBehindIsSentNothingUntilItDrainsThenToldToResync() {
        HttpServerResponse slow = client();
        HttpServerResponse fast = client();
        stream.add(slow, "10.0.0.1", "kpis", "{}");
        stream.add(fast, "10.0.0.1", "kpis", "{}");
        when(slow.writeQueueFull()).thenReturn(true);

        stream.send("seat", "{\"seat\":\"s-1\"}");
        windowEnds();
        stream.send("seat", "{\"seat\":\"s-2\"}");
        windowEnds();

        ArgumentCaptor<Handler<Void>> drained = ArgumentCaptor.captor();
        verify(slow).drainHandler(drained.capture());
        verify(slow, never()).write(any(Buffer.class));
        verify(fast, times(2)).write(any(Buffer.class));
        assertThat(stream.size()).isEqualTo(2); // behind, not dropped

        when(slow.writeQueueFull()).thenReturn(false);
        drained.getValue().handle(null);
        windowEnds();
        stream.send("seat", "{\"seat\":\"s-3\"}");

        ArgumentCaptor<Buffer> written = ArgumentCaptor.forClass(Buffer.class);
        verify(slow, times(2)).write(written.capture());
        assertThat(written.getAllValues().get(0).toString()).startsWith("event: resync");
        assertThat(written.getAllValues().get(1).toString()).contains("s-3");
    }

    @Test
    void aSingleWallboardGetsEveryFrameAtOnce() {
        HttpServerResponse wallboard = client();
        stream.add(wallboard, "10.0.0.1", "kpis", "{}");

        stream.send("seat", "{\"seat\":\"s-1\"}");
        stream.send("seat", "{\"seat\":\"s-2\"}");

        verify(wallboard, times(2)).write(any(Buffer.class));
        assertThat(scheduled).isEmpty();
    }

    @Test
    void withManyWallboardsFramesWithinOneWindowGoInOneWriteAfterTheFirstWentAtOnce() {
        HttpServerResponse wallboard = client();
        stream.add(wallboard, "10.0.0.1", "kpis", "{}");
        for (int i = 1; i < 20; i++) {
            stream.add(client(), "10.0.0.1", "kpis", "{}");
        }

        stream.send("seat", "{\"seat\":\"s-1\"}");
        stream.send("seat", "{\"seat\":\"s-2\"}");
        stream.send("alert", "{\"alert\":\"a\"}");

        ArgumentCaptor<Buffer> written = ArgumentCaptor.forClass(Buffer.class);
        verify(wallboard, times(1)).write(written.capture());
        assertThat(written.getValue().toString()).contains("s-1").doesNotContain("s-2");

        windowEnds();

        verify(wallboard, times(2)).write(written.capture());
        assertThat(written.getValue().toString())
                .isEqualTo("event: seat\ndata: {\"seat\":\"s-2\"}\n\nevent: alert\ndata: {\"alert\":\"a\"}\n\n");
    }

    @Test
    void streamsAreCappedPerAddressAndInAllAndAClosedOneFreesItsPlace() {
        List<HttpServerResponse> fromOneTv = new ArrayList<>();
        for (int i = 0; i < SseStream.MAX_PER_ADDRESS; i++) {
            HttpServerResponse client = client();
            assertThat(stream.add(client, "10.0.0.9", "kpis", "{}")).isTrue();
            fromOneTv.add(client);
        }
        HttpServerResponse oneMore = client();

        assertThat(stream.add(oneMore, "10.0.0.9", "kpis", "{}")).isFalse();
        verify(oneMore).setStatusCode(429);
        assertThat(stream.add(client(), "10.0.0.10", "kpis", "{}")).isTrue();

        ArgumentCaptor<Handler<Void>> closed = ArgumentCaptor.captor();
        verify(fromOneTv.get(0)).closeHandler(closed.capture());
        closed.getValue().handle(null);
        assertThat(stream.add(client(), "10.0.0.9", "kpis", "{}")).isTrue();

        for (int i = stream.size(); i < SseStream.MAX_CLIENTS; i++) {
            stream.add(client(), "10.1." + i / 200 + "." + i % 200, "kpis", "{}");
        }
        HttpServerResponse overTheTop = client();
        assertThat(stream.add(overTheTop, "10.2.0.1", "kpis", "{}")).isFalse();
        verify(overTheTop).setStatusCode(503);
        assertThat(stream.size()).isEqualTo(SseStream.MAX_CLIENTS);
    }
}
