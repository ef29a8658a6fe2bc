package dev.seatlink.protocol;

import java.util.Locale;

/**
 * One topic of the contract, and the only place that builds or parses topic strings.
 * Per-seat topics are {@code seatlink/v1/{site}/{floor}/{seat}/{kind}}; floor topics
 * ({@link Kind#GATEWAY}, {@link Kind#SUMMARY}, {@link Kind#CTI}) are {@code seatlink/v1/{site}/{floor}/{kind}}.
 *
 * @param seat null for floor topics
 */
public record Topic(String site, String floor, String seat, Kind kind) {
    public static final String PREFIX = "seatlink/v1/";

    /** The last topic level, with the payload type it carries. */
    public enum Kind {
        STATUS(true, SeatStatus.class),
        STATE(true, SeatState.class),
        EVENT(true, SeatEvent.class),
        CONFIG(true, SeatConfig.class),
        CMD(true, Command.class),
        CMD_RESULT(true, CommandResult.class),
        /** A phone system's event for the seat, forwarded by the gateway. */
        CALL(true, CallEvent.class),
        /** A badge read at the seat's reader. */
        BADGE(true, BadgeRead.class),
        /** A seat's check of its own subscription ({@code …/{seat}/+}): only the seat itself hears it. */
        PROBE(true, Probe.class),
        GATEWAY(false, GatewayStatus.class),
        /** A floor's aggregate: a team's counts each, so it may be larger than a seat's message. */
        SUMMARY(false, FloorSummary.class, FloorSummary.MAX_BYTES),
        /** A phone system's events for the floor, in from its CTI login. */
        CTI(false, CtiEvent.class),
        /** The seats moved to other teams, from the primary gateway. */
        MOVES(false, FloorMoves.class, FloorSummary.MAX_BYTES),
        /** The duty log's lines and handover acknowledgements, from the primary gateway. */
        SHIFT(false, ShiftRecord.class, ShiftRecord.MAX_BYTES),
        /** A gateway's check of its subscription to the floor's own topics ({@code …/{floor}/+}). */
        GATEWAY_PROBE(false, Probe.class);

        private final boolean perSeat;
        private final Class<? extends Message> payloadType;
        private final String level;
        private final int maxBytes;

        Kind(boolean perSeat, Class<? extends Message> payloadType) {
            this(perSeat, payloadType, Codec.MAX_PAYLOAD_BYTES);
        }

        Kind(boolean perSeat, Class<? extends Message> payloadType, int maxBytes) {
            this.perSeat = perSeat;
            this.payloadType = payloadType;
            this.level = name().toLowerCase(Locale.ROOT).replace('_', '-');
            this.maxBytes = maxBytes;
        }

        /** Whether the contract publishes this kind retained (the last one is what a new subscriber hears). */
        public boolean retained() {
            return this == STATUS || this == STATE || this == CONFIG || this == GATEWAY || this == SUMMARY
                    || this == MOVES;
        }

        /** The largest payload this kind may carry; larger ones are refused as {@code too_large}. */
        public int maxBytes() {
            return maxBytes;
        }

        public boolean perSeat() {
            return perSeat;
        }

        public Class<? extends Message> payloadType() {
            return payloadType;
        }

        /** The topic level as written on the wire, e.g. {@code cmd-result}. */
        public String level() {
            return level;
        }

        static Kind ofLevel(String level) {
            for (Kind kind : values()) {
                if (kind.level.equals(level)) {
                    return kind;
                }
            }
            return null;
        }
    }

    public Topic {
        Check.id("site", site);
        Check.id("floor", floor);
        Check.notNull("kind", kind);
        if (kind.perSeat()) {
            Check.id("seat", seat);
        } else {
            Check.that(seat == null, RejectReason.BAD_TOPIC, kind.level() + " is a floor topic without a seat");
        }
    }

    public static Topic seat(String site, String floor, String seat, Kind kind) {
        return new Topic(site, floor, seat, kind);
    }

    public static Topic floor(String site, String floor, Kind kind) {
        return new Topic(site, floor, null, kind);
    }

    /** Subscription filter for one per-seat kind on every seat of a floor, e.g. {@code …/f1/+/event}. */
    public static String allSeats(String site, String floor, Kind kind) {
        Check.that(kind.perSeat(), RejectReason.BAD_TOPIC, kind.level() + " is not a per-seat topic");
        return PREFIX + Check.id("site", site) + "/" + Check.id("floor", floor) + "/+/" + kind.level();
    }

    /** Subscription filter for every topic of one seat, e.g. {@code …/f1/s-001/+}: the terminal's one subscription. */
    public static String oneSeat(String site, String floor, String seat) {
        return PREFIX + Check.id("site", site) + "/" + Check.id("floor", floor) + "/" + Check.id("seat", seat) + "/+";
    }

    /** Subscription filter for the floor's own topics (gateway, summary, cti, moves, shift, …), {@code …/f1/+}. */
    public static String floorTopics(String site, String floor) {
        return PREFIX + Check.id("site", site) + "/" + Check.id("floor", floor) + "/+";
    }

    /**
     * Parses a topic string.
     *
     * @throws ProtocolViolation with {@link RejectReason#BAD_TOPIC} or {@link RejectReason#BAD_IDENTIFIER}
     */
    public static Topic parse(String topic) {
        if (topic == null || !topic.startsWith(PREFIX)) {
            throw new ProtocolViolation(RejectReason.BAD_TOPIC,
                    "topic '" + Ids.printable(topic) + "' is not under " + PREFIX);
        }
        String[] levels = topic.substring(PREFIX.length()).split("/", -1);
        Kind kind = Kind.ofLevel(levels[levels.length - 1]);
        boolean shapeFits = kind != null && levels.length == (kind.perSeat() ? 4 : 3);
        if (!shapeFits) {
            throw new ProtocolViolation(RejectReason.BAD_TOPIC, "topic '" + Ids.printable(topic) + "' is not a v1 topic");
        }
        return new Topic(levels[0], levels[1], kind.perSeat() ? levels[2] : null, kind);
    }

    /**
     * The message this topic carries: its kind's — but on a per-seat topic of a "seat" named like a gateway
     * ({@code …/gateway-a/event}, a name no seat may have) a {@link Probe}, the gateway's check of its per-seat
     * subscriptions, which every reader of those subscriptions hears and drops.
     */
    public Class<? extends Message> payloadType() {
        return seat != null && ClientId.isGateway(seat) ? Probe.class : kind.payloadType();
    }

    /** The topic string. */
    @Override
    public String toString() {
        String root = PREFIX + site + "/" + floor + "/";
        return seat == null ? root + kind.level() : root + seat + "/" + kind.level();
    }
}
