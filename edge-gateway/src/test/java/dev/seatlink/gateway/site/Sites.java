package dev.seatlink.gateway.site;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

/** Site configs for tests, written as the JSON a technician writes. */
public final class Sites {
    /** {@link #twoTeams()} as its file says it, for a test that edits it. */
    public static final String TWO_TEAMS = """
                {"site":"hq","floor":"f1","timeZone":"UTC","shifts":["06:00","18:00"],"reasons":["break","lunch"],
                 "managers":["fm"],
                 "teams":[{"id":"team-a","name":"Team A","leader":"tl-a","minReady":1},
                          {"id":"team-b","name":"Team B","leader":"tl-b","customerTier":"vip",
                           "help":{"model":"specialist","group":"team-a"}}],
                 "seats":[{"seat":"s-1","team":"team-a","agent":"a1","x":0,"y":0},
                          {"seat":"s-2","team":"team-b","x":1,"y":0},
                          {"seat":"s-3","team":"team-a","agent":"a3","skill":"expert","x":2,"y":0}]}""";

    private Sites() {
    }

    public static SiteConfig parse(String json) {
        return new SiteConfigLoader().parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test.json");
    }

    /**
     * Two teams on one floor (UTC, shifts at 06:00 and 18:00): team-a (leader tl-a, seat s-1 agent a1,
     * expert seat s-3 agent a3, min 1 ready), team-b (specialist help routed to team-a; seat s-2 without agent).
     */
    public static SiteConfig twoTeams() {
        return parse(TWO_TEAMS);
    }
}
