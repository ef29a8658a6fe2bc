package dev.seatlink.gateway.jetstream;

import dev.seatlink.protocol.ClientId;
import dev.seatlink.protocol.Ids;
import dev.seatlink.protocol.Topic;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Traces the cluster's consumers back to this floor's clients. Pure. A consumer belongs to the session whose client
 * id hashes to its name's prefix ({@link SessionHash}); one whose filter subject is a seat's own topic of this floor,
 * for a seat not in the site config and whose client id hashes right, is a <em>leftover</em> session: a removed
 * seat's broker still queues its commands and configs, for nobody.
 */
public final class FloorSessions {
    /** Listed at most: a hostile or broken cluster must not grow the gateway's memory. */
    public static final int MAX_LEFTOVERS = 1_000;

    private final String site;
    private final String floor;
    private final String seatSubjects;

    public FloorSessions(String site, String floor) {
        this.site = site;
        this.floor = floor;
        this.seatSubjects = NatsSubjects.MQTT_MESSAGES + NatsSubjects.of(Topic.PREFIX + site + "/" + floor + "/");
    }

    public ClusterFigures match(List<NodeReading> readings, Collection<String> seatsInConfig, long now) {
        Map<String, String> gatewayByHash = new HashMap<>();
        ClientId.reserved().forEach(name -> gatewayByHash.put(SessionHash.of(ClientId.prefix(site, floor) + name), name));
        Map<String, String> seatByHash = new HashMap<>();
        seatsInConfig.forEach(seat -> seatByHash.put(SessionHash.of(ClientId.seat(site, floor, seat)), seat));
        Set<String> known = Set.copyOf(seatsInConfig);

        Map<String, Long> gateways = new TreeMap<>();
        Map<String, Long> seats = new HashMap<>();
        Map<String, Long> leftovers = new TreeMap<>();
        for (NodeReading.Consumer consumer : newestOfEach(readings)) {
            String hash = SessionHash.ofConsumer(consumer.name());
            if (hash == null) {
                continue;
            }
            if (gatewayByHash.containsKey(hash)) {
                gateways.merge(gatewayByHash.get(hash), consumer.backlog(), Long::sum);
            } else if (seatByHash.containsKey(hash)) {
                seats.merge(seatByHash.get(hash), consumer.backlog(), Long::sum);
            } else {
                String seat = leftoverSeat(consumer, hash, known);
                if (seat != null && (leftovers.size() < MAX_LEFTOVERS || leftovers.containsKey(seat))) {
                    leftovers.merge(seat, consumer.backlog(), Long::sum);
                }
            }
        }
        List<ClusterFigures.Node> nodes = readings.stream()
                .map(r -> new ClusterFigures.Node(r.node(), r.problem(), r.storeBytes(), r.memoryBytes())).toList();
        return new ClusterFigures(now, nodes, newestStreams(readings), gateways, seats, leftovers);
    }

    /** The seat a leftover session's consumer was made for, or null when it is not one. */
    private String leftoverSeat(NodeReading.Consumer consumer, String hash, Set<String> known) {
        String subject = consumer.filterSubject();
        if (!subject.startsWith(seatSubjects)) {
            return null;
        }
        String rest = subject.substring(seatSubjects.length());
        int dot = rest.indexOf('.');
        if (dot <= 0 || rest.indexOf('.', dot + 1) >= 0) {
            return null;
        }
        String seat = rest.substring(0, dot);
        boolean seatId = Ids.isValid(seat) && !ClientId.reserved().contains(seat);
        return seatId && !known.contains(seat) && SessionHash.of(ClientId.seat(site, floor, seat)).equals(hash)
                ? seat : null;
    }

    /** Each consumer once: a replicated one is listed by every node holding it, the leader's view the newest. */
    private static Collection<NodeReading.Consumer> newestOfEach(List<NodeReading> readings) {
        Map<String, NodeReading.Consumer> newest = new LinkedHashMap<>();
        for (NodeReading reading : readings) {
            for (NodeReading.Consumer consumer : reading.consumers()) {
                newest.merge(consumer.stream() + "/" + consumer.name(), consumer,
                        (a, b) -> b.deliveredSeq() > a.deliveredSeq() ? b : a);
            }
        }
        return newest.values();
    }

    private static List<NodeReading.Stream> newestStreams(List<NodeReading> readings) {
        Map<String, NodeReading.Stream> newest = new TreeMap<>();
        for (NodeReading reading : readings) {
            for (NodeReading.Stream stream : reading.streams()) {
                if (stream.name().startsWith("$MQTT_")) {
                    newest.merge(stream.name(), stream, (a, b) -> b.messages() > a.messages() ? b : a);
                }
            }
        }
        return new ArrayList<>(newest.values());
    }
}
