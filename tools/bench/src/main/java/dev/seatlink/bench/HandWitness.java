package dev.seatlink.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The broker alone beside the centre view: a plain {@code mosquitto_sub} at QoS 0 (as the centre subscribes) on
 * the seats' events, on the node the centre view is on. It times each awaited event from its publish to its
 * delivery, so a raised hand's time to the centre page can be set beside the cluster's own time for the same
 * message in the same run.
 */
final class HandWitness implements AutoCloseable {
    private final Process sub;
    private final Map<String, Long> awaited = new ConcurrentHashMap<>();
    private final Map<String, Long> latency = new ConcurrentHashMap<>();
    private final ObjectMapper json = new ObjectMapper();

    private HandWitness(Process sub) {
        this.sub = sub;
    }

    /**
     * A witness on {@code node}: of the seats' events only, or with {@code asTheCentre} also every floor's summary and
     * gateway topics — all the centre view subscribes to, so that what the cluster does to such a subscriber (the
     * summaries come from the gateways' connections, whose reads wait on JetStream) shows beside the centre's time.
     */
    static HandWitness start(URI node, String site, boolean asTheCentre) throws IOException {
        List<String> command = new ArrayList<>(List.of("mosquitto_sub", "-h", node.getHost(), "-p",
                String.valueOf(node.getPort()), "-q", "0", "-v", "-t", "seatlink/v1/" + site + "/+/+/event"));
        if (asTheCentre) {
            command.addAll(List.of("-t", "seatlink/v1/" + site + "/+/summary", "-t", "seatlink/v1/" + site + "/+/gateway"));
        }
        HandWitness witness = new HandWitness(new ProcessBuilder(command).redirectErrorStream(true).start());
        Thread reader = new Thread(witness::read, "hand-witness");
        reader.setDaemon(true);
        reader.start();
        return witness;
    }

    /** The event {@code seq} on {@code topic} is published at {@code sentNanos} ({@link System#nanoTime}). */
    void await(String topic, long seq, long sentNanos) {
        awaited.put(key(topic, seq), sentNanos);
    }

    /** Nanoseconds from publish to delivery, or null if it has not come. */
    Long latency(String topic, long seq) {
        return latency.get(key(topic, seq));
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(sub.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                long now = System.nanoTime();
                int space = line.indexOf(' ');
                if (space < 0 || awaited.isEmpty() || !line.startsWith("/event", space - "/event".length())) {
                    continue; // a summary or a gateway status: not parsed, so the reader keeps up
                }
                Long seq = seqOf(line.substring(space + 1));
                if (seq == null) {
                    continue;
                }
                String key = key(line.substring(0, space), seq);
                Long sent = awaited.remove(key);
                if (sent != null) {
                    latency.put(key, now - sent);
                }
            }
        } catch (IOException ended) {
            // mosquitto_sub stopped
        }
    }

    /** The event's {@code seq}; null for what is not an event. */
    private Long seqOf(String payload) {
        try {
            JsonNode seq = json.readTree(payload).path("seq");
            return seq.canConvertToLong() ? seq.asLong() : null;
        } catch (IOException notJson) {
            return null;
        }
    }

    private static String key(String topic, long seq) {
        return topic + '#' + seq;
    }

    @Override
    public void close() {
        sub.destroy();
    }
}
