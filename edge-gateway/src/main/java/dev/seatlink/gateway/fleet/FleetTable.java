package dev.seatlink.gateway.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Renders {@code GET /api/fleet} as the table a technician reads. Pure. */
final class FleetTable {
    private static final String[] HEADER = {"SEAT", "TEAM", "AGENT", "LINK", "RELEASE", "BOOT", "UP", "LAST EVENT",
            "RECONNECTS", "LOST"};

    private FleetTable() {
    }

    static String render(JsonNode fleet) {
        long now = fleet.path("now").asLong();
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
                    String.valueOf(seat.path("reconnects").asInt()), String.valueOf(seat.path("missing").asLong())});
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
        return out.append(online).append(" of ").append(rows.size() - 1).append(" seats online\n").toString();
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
