package dev.seatlink.gateway.testing;

import dev.seatlink.gateway.brokerlink.FloorLink;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;

/**
 * The floor's broker link in memory: what was published, and the acknowledgements a test gives one at a time (or at
 * once, with {@link #acknowledgeAtOnce}).
 */
public final class FakeFloorLink implements FloorLink {
    /** One publish; {@code acknowledged} when it was sent with {@link #publishAcknowledged}. */
    public record Sent(String topic, byte[] payload, boolean retained, boolean acknowledged) {
    }

    public final List<Sent> published = new ArrayList<>();
    /** Per acknowledged publish, in order, its PUBACK to give. */
    public final List<Promise<Void>> acks = new ArrayList<>();
    /** Per {@link #probeAcknowledged}, in order, its PUBACK to give. */
    public final List<Promise<Void>> probeAcks = new ArrayList<>();
    public int floorProbes;
    public boolean connected = true;
    public boolean acknowledgeAtOnce;

    /** A link whose broker acknowledges every publish at once (probes still wait for the test). */
    public static FakeFloorLink acknowledgingAtOnce() {
        FakeFloorLink link = new FakeFloorLink();
        link.acknowledgeAtOnce = true;
        return link;
    }

    @Override
    public boolean isConnected() {
        return connected;
    }

    @Override
    public Future<Integer> publish(String topic, byte[] payload, boolean retained) {
        published.add(new Sent(topic, payload, retained, false));
        return Future.succeededFuture(published.size());
    }

    @Override
    public Future<Void> publishAcknowledged(String topic, byte[] payload, boolean retained) {
        published.add(new Sent(topic, payload, retained, true));
        if (acknowledgeAtOnce) {
            return Future.succeededFuture();
        }
        Promise<Void> ack = Promise.promise();
        acks.add(ack);
        return ack.future();
    }

    @Override
    public void probeFloorTopics() {
        floorProbes++;
    }

    @Override
    public Future<Void> probeAcknowledged(long timeoutMs) {
        Promise<Void> ack = Promise.promise();
        probeAcks.add(ack);
        return ack.future();
    }
}
