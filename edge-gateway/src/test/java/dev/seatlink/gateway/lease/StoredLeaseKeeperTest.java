package dev.seatlink.gateway.lease;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seatlink.gateway.testing.FakeFloorLink;
import dev.seatlink.protocol.Codec;
import dev.seatlink.protocol.GatewayStatus;
import dev.seatlink.protocol.Topic;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The keeper of a pair's lease in the cluster's store: what it reads and writes there, and what the floor hears. */
class StoredLeaseKeeperTest {
    private static final long T = 1_800_000_000_000L;
    private static final String A = "hq-f1-gateway-a";

    /** The store in memory: each call waits for the test to answer it. */
    private static final class FakeLeaseStore implements LeaseStore {
        record Written(GatewayStatus status, long expectedRevision, Promise<Long> answer) {
        }

        final List<Promise<Entry>> reads = new ArrayList<>();
        final List<Written> writes = new ArrayList<>();
        boolean closed;

        @Override
        public Future<Entry> read() {
            Promise<Entry> answer = Promise.promise();
            reads.add(answer);
            return answer.future();
        }

        @Override
        public Future<Long> write(GatewayStatus status, long expectedRevision) {
            Promise<Long> answer = Promise.promise();
            writes.add(new Written(status, expectedRevision, answer));
            return answer.future();
        }

        @Override
        public Future<Void> close() {
            closed = true;
            return Future.succeededFuture();
        }

        Written lastWrite() {
            return writes.get(writes.size() - 1);
        }
    }

    private final FakeFloorLink link = FakeFloorLink.acknowledgingAtOnce();
    private final FakeLeaseStore store = new FakeLeaseStore();
    private final List<PrimaryDuties.Occasion> duties = new ArrayList<>();
    private long now = T;
    private final LeaseKeeper keeper = new LeaseKeeper(link, new Codec(), Topic.floor("hq", "f1", Topic.Kind.GATEWAY),
            new StoredLease(A, StoredLeaseTest.TIMING), store, StoredLeaseTest.TIMING, () -> now);

    {
        keeper.announceAt("http://a:8080/");
        keeper.onPrimary(duties::add);
    }

    @Test
    void aGatewayIsPrimaryOnlyOnceTheStoreTookItsWriteAndThenSaysSoOnTheFloorsTopic() {
        keeper.subscribed();
        store.reads.get(0).complete(LeaseStore.Entry.NONE);
        now += 500;
        keeper.run();

        assertThat(store.lastWrite().expectedRevision()).isZero();
        assertThat(store.lastWrite().status()).isEqualTo(GatewayStatus.primary(A, now, "http://a:8080/", now));
        assertThat(keeper.claiming()).isTrue();
        assertThat(keeper.isPrimary()).isFalse();
        assertThat(link.published).as("nothing said before the store took it").isEmpty();

        store.lastWrite().answer().complete(1L);

        assertThat(keeper.isPrimary()).isTrue();
        assertThat(duties).containsExactly(PrimaryDuties.Occasion.TOOK_LEASE);
        assertThat(link.published).singleElement().satisfies(said -> {
            assertThat(said.topic()).isEqualTo("seatlink/v1/hq/f1/gateway");
            assertThat(said.retained()).isTrue();
            assertThat(new String(said.payload(), StandardCharsets.UTF_8)).contains("\"id\":\"" + A + "\"");
        });
    }

    @Test
    void aRenewalThatMeetsAnotherRevisionMakesThePrimaryStandbyAtOnce() {
        primary();
        now += StoredLeaseTest.TIMING.heartbeatMs();
        keeper.run();
        assertThat(store.lastWrite().expectedRevision()).isEqualTo(1);

        store.lastWrite().answer().fail(new LeaseStore.Conflict("the lease is at another revision than 1"));

        assertThat(keeper.isPrimary()).isFalse();
        now += 500;
        keeper.run();
        assertThat(store.reads).as("reads the record again").hasSize(2);
    }

    @Test
    void aPrimaryWhoseStoreDoesNotAnswerStepsDownWithinItsHold() {
        primary();
        now += StoredLeaseTest.TIMING.heartbeatMs();
        keeper.run();
        store.lastWrite().answer().fail(new java.io.IOException("Timeout or no response waiting for NATS JetStream server"));
        now = T + 500 + StoredLeaseTest.TIMING.holdMs();
        keeper.run();

        assertThat(keeper.isPrimary()).isFalse();
    }

    @Test
    void aPrimaryWhoseLinkStaysDownPastItsHoldReleasesTheLeaseOverItsOwnRevision() {
        primary();
        keeper.lost();
        assertThat(keeper.isPrimary()).as("a drop it may recover from").isTrue();
        now = T + 500 + StoredLeaseTest.TIMING.holdMs();
        keeper.run();

        assertThat(keeper.isPrimary()).isFalse();
        assertThat(store.lastWrite().expectedRevision()).isEqualTo(1);
        assertThat(store.lastWrite().status().online()).isFalse();
    }

    @Test
    void aStoppingPrimaryReleasesTheLeaseSaysOfflineAndLetsGoOfTheStore() {
        primary();
        Future<Void> closed = keeper.close();
        store.lastWrite().answer().complete(2L);

        assertThat(closed.succeeded()).isTrue();
        assertThat(store.lastWrite().status()).isEqualTo(GatewayStatus.offline(A, now));
        assertThat(new String(link.published.get(link.published.size() - 1).payload(), StandardCharsets.UTF_8))
                .contains("\"online\":false");
        assertThat(store.closed).isTrue();
    }

    /** Primary at T + 500 with revision 1. */
    private void primary() {
        keeper.subscribed();
        store.reads.get(0).complete(LeaseStore.Entry.NONE);
        now += 500;
        keeper.run();
        store.lastWrite().answer().complete(1L);
        assertThat(keeper.isPrimary()).isTrue();
    }
}
