package dev.seatlink.simulator;

/** A site config for the simulator's seats ({@code s-00001} …), teams of {@value #SEATS_PER_TEAM}. */
public final class SiteFile {
    public static final int SEATS_PER_TEAM = 15;
    /** The floor manager the benchmarks sign in as to read seats' event histories. */
    public static final String MANAGER = "bench";

    private SiteFile() {
    }

    public static String json(String site, String floor, int seats) {
        return json(site, floor, seats, false);
    }

    /** The seat's name on the simulated phone system, with {@code phones}. */
    public static String phoneOf(String seat) {
        return "PJSIP/" + seat;
    }

    /** @param phones every seat on the phone system ({@link #phoneOf}), and the floor's wrap-up left to the phone */
    public static String json(String site, String floor, int seats, boolean phones) {
        StringBuilder json = new StringBuilder("{\"site\":\"" + site + "\",\"floor\":\"" + floor
                + "\",\"managers\":[\"" + MANAGER + "\"],\"teams\":[");
        int teams = (seats + SEATS_PER_TEAM - 1) / SEATS_PER_TEAM;
        for (int t = 0; t < teams; t++) {
            json.append(t == 0 ? "" : ",").append("{\"id\":\"t-").append(t).append("\",\"minReady\":2}");
        }
        json.append("],\"seats\":[");
        for (int i = 1; i <= seats; i++) {
            json.append(i == 1 ? "" : ",").append("{\"seat\":\"").append(FloorSimulator.seatId(i))
                    .append("\",\"team\":\"t-").append((i - 1) / SEATS_PER_TEAM).append("\",\"agent\":\"")
                    .append(String.format("a%05d", i)).append("\",\"x\":").append((i - 1) % 100).append(",\"y\":")
                    .append((i - 1) / 100);
            if (phones) {
                json.append(",\"acd\":[\"").append(phoneOf(FloorSimulator.seatId(i))).append("\"]");
            }
            json.append('}');
        }
        return json.append("]}").toString();
    }
}
