package dev.seatlink.gateway.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seatlink.gateway.metrics.Metrics;
import dev.seatlink.gateway.store.EventStore;
import dev.seatlink.gateway.store.StoreWriter;
import dev.seatlink.link.RejectLog;
import dev.seatlink.protocol.AgentState;
import dev.seatlink.protocol.Cause;
import dev.seatlink.protocol.Codec;
import dev.seatlink.protocol.Decoded;
import dev.seatlink.protocol.SeatEvent;
import dev.seatlink.protocol.SeatStatus;
import dev.seatlink.protocol.Topic;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestPipelineTest {
    private static final long T = 1_790_000_000_000L;
    private final Codec codec = new Codec();
    /** The test thread plays the event loop: it runs what the pipeline hands to the loop, when the test says. */
    private final BlockingQueue<Runnable> loop = new LinkedBlockingQueue<>();
    private final List<String> applied = new ArrayList<>();
    private final List<String> acked = new ArrayList<>();
    private final Metrics metrics = new Metrics();
    @TempDir
    Path dir;
    private EventStore store;
    private StoreWriter writer;
    private IngestPipeline pipeline;

    @BeforeEach
    void open() {
        store = EventStore.open(dir);
        writer = new StoreWriter(store);
        pipeline = new IngestPipeline(codec, metrics, new RejectLog(() -> T), writer,
                (Decoded.Accepted message, long rx, boolean retained) -> applied.add(message.topic().toString()), loop::add,
                () -> T);
    }

    @AfterEach
    void close() {
        writer.close();
        store.close();
    }

    /** A delivery that records its acknowledgement, checking the loop is the one acknowledging. */
    private Delivery delivery(String topic, byte[] payload) {
        return new Delivery() {
            @Override
            public String topic() {
                return topic;
            }

            @Override
            public byte[] payload() {
                return payload;
            }

            @Override
            public void acknowledge() {
                acked.add(topic);
            }
        };
    }

    private Delivery event(String seat, long seq) {
        Topic topic = Topic.seat("hq", "f1", seat, Topic.Kind.EVENT);
        return delivery(topic.toString(), codec.encode(topic, new SeatEvent(seat, "a1", AgentState.READY,
                AgentState.BUSY, null, false, T, seq, "boot-1", Cause.BUTTON)));
    }

    /** Runs loop tasks until {@code count} acknowledgements are in (or 5 s pass). */
    private void runLoopUntilAcked(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (acked.size() < count && System.nanoTime() < deadline) {
            Runnable task = loop.poll(100, TimeUnit.MILLISECONDS);
            if (task != null) {
                task.run();
            }
        }
    }

    @Test
    void messagesOfOneTurnAreStoredAsOneBatchThenAppliedAndAcknowledgedInArrivalOrder() throws Exception {
        Topic status = Topic.seat("hq", "f1", "s-002", Topic.Kind.STATUS);
        pipeline.received(event("s-001", 1));
        pipeline.received(delivery("seatlink/v1/hq/f1/s-003/event", "{not json".getBytes(StandardCharsets.UTF_8)));
        pipeline.received(delivery(status.toString(), codec.encode(status, new SeatStatus(true, "boot-2", null, T))));
        pipeline.received(event("s-001", 2));

        assertThat(acked).as("nothing acknowledged before it is stored").isEmpty();
        assertThat(loop).as("one flush queued for the turn").hasSize(1);
        runLoopUntilAcked(4);

        assertThat(acked).containsExactly("seatlink/v1/hq/f1/s-001/event", "seatlink/v1/hq/f1/s-003/event",
                status.toString(), "seatlink/v1/hq/f1/s-001/event");
        assertThat(applied).as("the refused message is acknowledged, never applied")
                .containsExactly("seatlink/v1/hq/f1/s-001/event", status.toString(), "seatlink/v1/hq/f1/s-001/event");
        assertThat(store.events("s-001", 0, 10)).hasSize(2);
        assertThat(writer.batchCount()).isEqualTo(1);
        assertThat(writer.queued()).isZero();
    }

    @Test
    void aFullBatchGoesToTheStoreWithoutWaitingForTheTurnToEnd() throws Exception {
        for (int seq = 1; seq <= IngestPipeline.MAX_BATCH + 1; seq++) {
            pipeline.received(event("s-001", seq));
        }

        runLoopUntilAcked(IngestPipeline.MAX_BATCH + 1);

        assertThat(acked).hasSize(IngestPipeline.MAX_BATCH + 1);
        assertThat(store.events("s-001", 0, 2_000)).hasSize(IngestPipeline.MAX_BATCH + 1);
    }

    @Test
    void aRepeatedEventIsStoredOnceAndStillAcknowledged() throws Exception {
        pipeline.received(event("s-001", 1));
        runLoopUntilAcked(1);
        pipeline.received(event("s-001", 1));
        runLoopUntilAcked(2);

        assertThat(acked).hasSize(2);
        assertThat(writer.firstTimeCount()).isEqualTo(1);
        assertThat(writer.storedCount()).isEqualTo(2);
    }
}
