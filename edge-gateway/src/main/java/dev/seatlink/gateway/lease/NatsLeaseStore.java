package dev.seatlink.gateway.lease;

import dev.seatlink.gateway.natsclient.NatsClient;
import dev.seatlink.protocol.Codec;
import dev.seatlink.protocol.Decoded;
import dev.seatlink.protocol.GatewayStatus;
import dev.seatlink.protocol.Ids;
import dev.seatlink.protocol.Topic;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamOptions;
import io.nats.client.JetStreamApiException;
import io.nats.client.KeyValue;
import io.nats.client.KeyValueOptions;
import io.nats.client.PublishOptions;
import io.nats.client.api.KeyValueConfiguration;
import io.nats.client.api.KeyValueEntry;
import io.nats.client.api.KeyValueOperation;
import io.nats.client.api.StorageType;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.io.IOException;
import java.util.List;
import org.tinylog.Logger;

/**
 * The pair's lease in the NATS cluster: a key-value bucket of its own per floor ({@link #bucket}), one key, read and
 * written through the NATS client. A write names the revision it replaces as the bucket's stream's last sequence
 * ({@code Nats-Expected-Last-Sequence}), which every replica checks as it applies the write in the stream's order:
 * of writers over one revision exactly one is taken, the compare-and-set the lease needs. (Not the key's own last
 * revision, the key-value client's {@code update}: NATS 2.9 checks that only before its leader proposes the write,
 * and concurrent writers over one revision were all taken — nats-server issue 4320, and bench run 84's floors with
 * two primaries.) The client blocks, so every call runs on this store's own single worker thread, in order; the
 * bucket is made on the first connect if the cluster has none (as many replicas as nodes given, at most three).
 */
public final class NatsLeaseStore implements LeaseStore {
    /** The one key of a floor's bucket. */
    static final String KEY = "lease";
    /** JetStream's answer to a write whose expected revision is not the last. */
    private static final int WRONG_LAST_SEQUENCE = 10071;

    private final WorkerExecutor worker;
    private final NatsClient client;
    private final int replicas;
    private final String bucketName;
    private final String subject;
    private final Codec codec;
    private final Topic topic;
    /** Touched on the worker thread only. */
    private JetStream jetStream;
    private KeyValue bucket;

    /**
     * @param client the gateway's NATS client
     * @param topic  the floor's {@code gateway} topic: what the record holds is what that topic carries
     */
    public NatsLeaseStore(Vertx vertx, NatsClient client, Topic topic, Codec codec) {
        this.worker = vertx.createSharedWorkerExecutor("lease-store-" + client.name(), 1);
        this.client = client;
        this.bucketName = bucket(topic.site(), topic.floor());
        this.replicas = Math.min(3, client.nodes());
        this.subject = subject(topic.site(), topic.floor());
        this.codec = codec;
        this.topic = topic;
    }

    /** The floor's bucket: ids have no {@code _}, so no two floors share one. */
    public static String bucket(String site, String floor) {
        return "seatlink-lease_" + site + "_" + floor;
    }

    /**
     * What a floor's gateway login publishes to keep the floor's lease: find (or make) its floor's bucket, get and
     * write its key — no other floor's. A login at the cluster needs these, {@link NatsClient#inboxPrefix} to subscribe
     * to, and NATS clients (not only MQTT) let in.
     */
    public static List<String> subjectsToPublish(String site, String floor) {
        String stream = "KV_" + bucket(site, floor);
        return List.of("$JS.API.STREAM.INFO." + stream, "$JS.API.STREAM.CREATE." + stream,
                "$JS.API.DIRECT.GET." + stream + ".>", "$JS.API.STREAM.MSG.GET." + stream, subject(site, floor));
    }

    private static String subject(String site, String floor) {
        return "$KV." + bucket(site, floor) + "." + KEY;
    }

    @Override
    public Future<Entry> read() {
        return worker.executeBlocking(() -> {
            KeyValueEntry entry = bucket().get(KEY);
            if (entry == null) {
                return Entry.NONE;
            }
            return new Entry(entry.getRevision(), entry.getOperation() == KeyValueOperation.PUT
                    ? decode(entry.getValue()) : null);
        });
    }

    @Override
    public Future<Long> write(GatewayStatus status, long expectedRevision) {
        byte[] value = codec.encode(topic, status);
        return worker.executeBlocking(() -> {
            try {
                KeyValue kv = bucket();
                if (expectedRevision == 0) {
                    return kv.create(KEY, value); // "no record yet" is checked as the write is applied
                }
                return jetStream.publish(subject, value, PublishOptions.builder().expectedLastSequence(expectedRevision)
                        .build()).getSeqno();
            } catch (JetStreamApiException e) {
                if (e.getApiErrorCode() == WRONG_LAST_SEQUENCE) {
                    throw new Conflict("the lease is at another revision than " + expectedRevision);
                }
                throw e;
            }
        });
    }

    /** Lets go of the worker; the connection is the {@link NatsClient}'s owner's to close. */
    @Override
    public Future<Void> close() {
        return worker.close();
    }

    private GatewayStatus decode(byte[] value) {
        Decoded decoded = codec.decode(topic, value);
        if (decoded instanceof Decoded.Accepted accepted && accepted.message() instanceof GatewayStatus status) {
            return status;
        }
        Logger.warn("the lease record in {} is not a gateway status ({}): taken as free", bucketName,
                Ids.printable(new String(value, java.nio.charset.StandardCharsets.UTF_8)));
        return null;
    }

    /** The bucket, connecting first; once connected the client reconnects by itself, node to node. */
    private KeyValue bucket() throws IOException, InterruptedException, JetStreamApiException {
        Connection connection = client.connection();
        if (bucket == null) {
            KeyValueOptions timeouts = KeyValueOptions.builder().jsRequestTimeout(NatsClient.TIMEOUT).build();
            try {
                connection.keyValueManagement(timeouts).getStatus(bucketName);
            } catch (JetStreamApiException missing) {
                connection.keyValueManagement(timeouts).create(KeyValueConfiguration.builder().name(bucketName)
                        .maxHistoryPerKey(1).storageType(StorageType.File).replicas(replicas).build());
                Logger.info("made the lease bucket {} with {} replicas", bucketName, replicas);
            }
            jetStream = connection.jetStream(JetStreamOptions.builder().requestTimeout(NatsClient.TIMEOUT).build());
            bucket = connection.keyValue(bucketName, timeouts);
        }
        return bucket;
    }
}
