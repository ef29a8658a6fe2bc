package dev.seatlink.gateway.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Renders {@code GET /api/fleet} as the table a technician reads. Pure. */
final class FleetTable {
    private static final String[] HEADER = {"SEAT", "TEAM", "AGENT", "LINK", "RELEASE", "BOOT", "UP", "LAST EVENT",
            "CONNECTS", "LOST", "QUEUED"};

    private FleetTable() {
    }

    static String render(JsonNode fleet) {
        long now = fleet.path("now").asLong();
        boolean sessionsRead = fleet.path("sessionsReadAt").asLong() > 0;
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        int online = 0;
        for (JsonNode seat : fleet.path("seats")) {
            boolean up = seat.path("online").asBoolean();
            online += up ? 1 : 0;
            String boot = seat.path("boot").asText("");
            rows.add(new String[] {seat.path("seat").asText(), seat.path("team").asText(), text(seat, "agent"),
                    up ? (seat.hasNonNull("disk") ? "online, disk " + seat.path("disk").asText() : "online") : "OFFLINE",
                    text(seat, "firmware"), boot.length() > 8 ? boot.substring(0, 8) : dash(boot),
                    up && seat.path("bootSeenAt").asLong() > 0 ? ago(now - seat.path("bootSeenAt").asLong()) : "-",
                    seat.path("lastEventAt").asLong() > 0 ? ago(now - seat.path("lastEventAt").asLong()) + " ago" : "-",
                    String.valueOf(seat.path("reconnects").asInt()), String.valueOf(seat.path("missing").asLong()),
                    sessionsRead ? String.valueOf(fleet.path("queued").path(seat.path("seat").asText()).asLong()) : "-"});
        }
        int[] width = new int[HEADER.length];
        rows.forEach(row -> {
            for (int i = 0; i < row.length; i++) {
                width[i] = Math.max(width[i], row[i].length());
            }
        });
        StringBuilder out = new StringBuilder();
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                boolean last = i == row.length - 1;
                out.append(last ? row[i] : String.format("%-" + width[i] + "s  ", row[i]));
            }
            out.append('\n');
        }
        out.append(online).append(" of ").append(rows.size() - 1).append(" seats online\n");
        return leftovers(fleet, now, out).toString();
    }

    /** Seats not in the site config that the broker still keeps something of, with how to remove them. */
    private static StringBuilder leftovers(JsonNode fleet, long now, StringBuilder out) {
        JsonNode leftovers = fleet.path("leftovers");
        if (leftovers.isEmpty()) {
            return out;
        }
        out.append('\n').append(leftovers.size()).append(" seat(s) not in the site config that the broker still keeps:\n");
        for (JsonNode leftover : leftovers) {
            List<String> what = new ArrayList<>();
            leftover.path("kinds").forEach(kind -> what.add(kind.asText()));
            String heard = leftover.path("lastHeardAt").asLong() > 0
                    ? "heard " + ago(now - leftover.path("lastHeardAt").asLong()) + " ago (" + String.join(", ", what) + ")"
                    : "not heard";
            String session = leftover.path("session").isBoolean()
                    ? leftover.path("session").asBoolean() ? "session holds " + leftover.path("queued").asLong() + " message(s)"
                    : "no session" : "session unknown";
            String online = leftover.path("online").asBoolean(false) ? ", ONLINE: a terminal still uses this id" : "";
            out.append("  ").append(leftover.path("seat").asText()).append(": ").append(heard).append(", ").append(session)
                    .append(online).append('\n');
        }
        return out.append("Remove one (a floor manager, on the primary gateway): curl -u MANAGER -X DELETE ")
                .append("GATEWAY/api/fleet/leftovers/SEAT\n");
    }

    private static String text(JsonNode seat, String field) {
        return seat.hasNonNull(field) ? seat.get(field).asText() : "-";
    }

    private static String dash(String value) {
        return value.isEmpty() ? "-" : value;
    }

    /** 42s, 17m, 5h03m, 3d04h. */
    static String ago(long ms) {
        long s = Math.max(0, ms / 1000);
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return s / 60 + "m";
        }
        if (s < 86_400) {
            return String.format("%dh%02dm", s / 3600, s % 3600 / 60);
        }
        return String.format("%dd%02dh", s / 86_400, s % 86_400 / 3600);
    }
}
