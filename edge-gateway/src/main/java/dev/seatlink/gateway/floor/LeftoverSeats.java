package dev.seatlink.gateway.floor;

import dev.seatlink.protocol.Topic;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Seats the broker still speaks for that are not in the site config: a removed seat's retained status and state,
 * or a terminal still running with an old seat id. The fleet view lists them so a technician can remove them.
 * Pure; bounded at {@link #MAX} seats, whatever arrives.
 */
public final class LeftoverSeats {
    public static final int MAX = 1_000;

    /**
     * @param lastHeardAt when a message of it last arrived (gateway clock)
     * @param kinds       which of its topics spoke ({@code status}, {@code state}, …)
     * @param online      what its last status said, or null before one
     */
    public record Leftover(String seat, long lastHeardAt, Set<String> kinds, Boolean online) {
    }

    private static final class Heard {
        long at;
        final Set<Topic.Kind> kinds = EnumSet.noneOf(Topic.Kind.class);
        Boolean online;
    }

    private final Map<String, Heard> heard = new TreeMap<>();

    /** A message of {@code kind} from {@code seat}, not in the site config; {@code online} if it was a status. */
    public void heard(String seat, Topic.Kind kind, Boolean online, long at) {
        Heard entry = heard.get(seat);
        if (entry == null) {
            if (heard.size() >= MAX) {
                return;
            }
            entry = new Heard();
            heard.put(seat, entry);
        }
        entry.at = Math.max(entry.at, at);
        entry.kinds.add(kind);
        if (online != null) {
            entry.online = online;
        }
    }

    public void forget(String seat) {
        heard.remove(seat);
    }

    /** The seats heard from that {@code inSiteConfig} still does not know, by seat id. */
    public List<Leftover> list(Predicate<String> inSiteConfig) {
        List<Leftover> leftovers = new ArrayList<>();
        heard.forEach((seat, entry) -> {
            if (!inSiteConfig.test(seat)) {
                Set<String> kinds = new java.util.TreeSet<>();
                entry.kinds.forEach(kind -> kinds.add(kind.level()));
                leftovers.add(new Leftover(seat, entry.at, Collections.unmodifiableSet(kinds), entry.online));
            }
        });
        return leftovers;
    }
}
