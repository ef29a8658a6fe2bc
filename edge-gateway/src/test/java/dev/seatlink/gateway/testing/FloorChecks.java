package dev.seatlink.gateway.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

/** What the fault scenarios check and print. */
public final class FloorChecks {
    private FloorChecks() {
    }

    /** Every stored seq of a seat, through the API, in order. */
    public static List<Long> storedSeqs(Http http, String seat) {
        List<Long> seqs = new ArrayList<>();
        long after = 0;
        while (true) {
            JsonNode page = http.json("/api/seats/" + seat + "/events?after=" + after + "&limit=1000");
            if (!page.isArray() || page.isEmpty()) {
                return seqs;
            }
            page.forEach(event -> seqs.add(event.path("seq").asLong()));
            after = seqs.get(seqs.size() - 1);
        }
    }

    /** Whether the seat's store holds exactly 1..n. */
    public static boolean exactly(Http http, String seat, long n) {
        return storedSeqs(http, seat).equals(LongStream.rangeClosed(1, n).boxed().toList());
    }

    /** A metric's value from /metrics (0 when absent). */
    public static long metric(Http http, String name) {
        return http.get("/metrics").body().lines().filter(line -> line.startsWith(name + " "))
                .mapToLong(line -> Long.parseLong(line.substring(name.length() + 1).trim())).findFirst().orElse(0);
    }

    /** The scenario's figures, printed as one line the closing note can quote. */
    public static void report(String scenario, long sent, long stored, Http http, long recoverMs) {
        System.out.printf("SCENARIO %s: events sent %d / stored %d / duplicates %d / gaps opened %d, filled %d,"
                        + " missing %d / replays %d / rebirths %d / time to recover %d ms%n", scenario, sent, stored,
                metric(http, "seatlink_events_duplicate_total"), metric(http, "seatlink_gaps_opened_total"),
                metric(http, "seatlink_gaps_filled_total"), metric(http, "seatlink_events_missing_total"),
                metric(http, "seatlink_replays_sent_total"), metric(http, "seatlink_rebirths_sent_total"), recoverMs);
    }
}
