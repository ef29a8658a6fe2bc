package dev.seatlink.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class SseStreamTest {
    private final SseStream stream = new SseStream();

    private static HttpServerResponse client() {
        return mock(HttpServerResponse.class, RETURNS_SELF);
    }

    @Test
    void aClientThatFallsBehindIsSentNothingUntilItDrainsThenToldToResync() {
        HttpServerResponse slow = client();
        HttpServerResponse fast = client();
        stream.add(slow, "kpis", "{}");
        stream.add(fast, "kpis", "{}");
        when(slow.writeQueueFull()).thenReturn(true);

        stream.send("seat", "{\"seat\":\"s-1\"}");
        stream.send("seat", "{\"seat\":\"s-2\"}");

        ArgumentCaptor<Handler<Void>> drained = ArgumentCaptor.captor();
        verify(slow).drainHandler(drained.capture());
        verify(slow, never()).write(any(Buffer.class));
        verify(fast, org.mockito.Mockito.times(2)).write(any(Buffer.class));
        assertThat(stream.size()).isEqualTo(2); // behind, not dropped

        when(slow.writeQueueFull()).thenReturn(false);
        drained.getValue().handle(null);
        stream.send("seat", "{\"seat\":\"s-3\"}");

        ArgumentCaptor<Buffer> written = ArgumentCaptor.forClass(Buffer.class);
        verify(slow, org.mockito.Mockito.times(2)).write(written.capture());
        assertThat(written.getAllValues().get(0).toString()).startsWith("event: resync");
        assertThat(written.getAllValues().get(1).toString()).contains("s-3");
    }
}
