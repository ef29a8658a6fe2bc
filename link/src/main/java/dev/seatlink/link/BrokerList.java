package dev.seatlink.link;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The brokers a client may use, as {@code --broker} and the terminal's {@code broker} give them: one URL or a
 * comma-separated list ({@code tcp://n1:1883,tcp://n2:1883,tcp://n3:1883}) of the nodes of one cluster, walked
 * in turn on every (re)connect. All of one scheme: a list that mixed {@code ssl://} with {@code tcp://} would
 * fall back to plain text when the TLS nodes are down.
 */
public final class BrokerList {
    public static final int MAX_BROKERS = 16;
    private static final Pattern ONE = Pattern.compile("(tcp|ssl)://[^/\\s,:]+:\\d{1,5}");

    private BrokerList() {
    }

    /**
     * The list's URLs, in order.
     *
     * @throws IllegalArgumentException saying which entry is wrong and what is expected
     */
    public static List<URI> parse(String brokers) {
        if (brokers == null || brokers.isBlank()) {
            throw new IllegalArgumentException("no broker given");
        }
        String[] entries = brokers.split(",", -1);
        if (entries.length > MAX_BROKERS) {
            throw new IllegalArgumentException("at most " + MAX_BROKERS + " brokers (was " + entries.length + ")");
        }
        List<URI> uris = new ArrayList<>();
        for (String raw : entries) {
            String entry = raw.trim();
            if (!ONE.matcher(entry).matches()) {
                throw new IllegalArgumentException("'" + entry + "' must start with tcp:// or ssl:// and look like "
                        + "tcp://HOST:PORT" + (entries.length > 1 ? " (a list is comma-separated)" : ""));
            }
            URI uri;
            try {
                uri = new URI(entry);
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("'" + entry + "' is not a URL: " + e.getMessage(), e);
            }
            if (uri.getPort() < 1 || uri.getPort() > 65_535) {
                throw new IllegalArgumentException("'" + entry + "': the port must be 1-65535");
            }
            if (!uris.isEmpty() && !uris.get(0).getScheme().equals(uri.getScheme())) {
                throw new IllegalArgumentException("'" + brokers + "' mixes tcp:// and ssl://: give one kind");
            }
            if (uris.contains(uri)) {
                throw new IllegalArgumentException("'" + entry + "' is listed twice");
            }
            uris.add(uri);
        }
        return List.copyOf(uris);
    }

    /**
     * The list turned to start at the node this client prefers: the one {@code key} hashes to, plus {@code offset},
     * then on round the list. Every client walking one list from its head would all sit on its first node, and that
     * node's death would drop them all at once; with each turning it by its own key a floor's seats spread over the
     * nodes, and a floor's two gateways (one key, offsets 0 and 1) are never on the same node when they connect.
     */
    public static List<URI> turnedFor(List<URI> brokers, String key, int offset) {
        int start = Math.floorMod(key.hashCode() + offset, brokers.size()); // String.hashCode is fixed by the JLS
        List<URI> turned = new ArrayList<>(brokers.subList(start, brokers.size()));
        turned.addAll(brokers.subList(0, start));
        return List.copyOf(turned);
    }

    /** Whether the list's brokers speak TLS. */
    public static boolean isTls(String brokers) {
        return parse(brokers).get(0).getScheme().equals("ssl");
    }
}
