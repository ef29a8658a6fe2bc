package dev.seatlink.centre.config;

import java.util.List;

/**
 * The centre a duty manager watches, from {@code --center-config}: its name and its floors, in the order the
 * page shows them.
 */
public record CentrePlan(String name, List<FloorRef> floors) {
    public static final int MAX_FLOORS = 200;

    /** One floor: the site and floor ids its gateways use, and the name people call it by. */
    public record FloorRef(String site, String floor, String name) {
        /** {@code site/floor}: how the centre names a floor internally. */
        public String key() {
            return site + "/" + floor;
        }
    }

    public CentrePlan {
        floors = List.copyOf(floors);
    }

    /** "1 floor", "4 floors": for the start-up line and the log. */
    public String floorCount() {
        return floors.size() + (floors.size() == 1 ? " floor" : " floors");
    }
}
