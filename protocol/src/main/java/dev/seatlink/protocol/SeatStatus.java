package dev.seatlink.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A terminal's retained liveness on {@code …/{seat}/status}; the offline form is its Last Will.
 *
 * @param online whether the terminal process is connected
 * @param boot   new on every process start; an offline status with an older boot is stale
 * @param fw     firmware version; present when online, absent in the Last Will
 * @param ts     terminal clock, ms since epoch
 * @param disk   absent while the terminal's journal takes writes; else what is wrong (e.g. "read-only"): the
 *               seat works and publishes, but what it journals does not survive a restart
 * @param rebirth the id of the {@code rebirth} command this status answers (added in v1; absent on a connect and in
 *                older terminals' statuses): it says the seat was alive after that ask, and that the status is no
 *                sign of the seat moving to another broker node
 */
public record SeatStatus(
        @JsonProperty(required = true) boolean online,
        String boot,
        String fw,
        @JsonProperty(required = true) long ts,
        String disk,
        String rebirth) implements Message {

    public SeatStatus {
        Check.token("boot", boot);
        if (fw != null) {
            Check.token("fw", fw);
        }
        Check.timestamp("ts", ts);
        if (disk != null) {
            Check.token("disk", disk);
        }
        if (rebirth != null) {
            Check.token("rebirth", rebirth);
            Check.that(online, RejectReason.BAD_VALUE, "only an online status answers a rebirth");
        }
    }

    public SeatStatus(boolean online, String boot, String fw, long ts, String disk) {
        this(online, boot, fw, ts, disk, null);
    }

    public SeatStatus(boolean online, String boot, String fw, long ts) {
        this(online, boot, fw, ts, null);
    }

    public static SeatStatus online(String boot, String fw, long ts) {
        return new SeatStatus(true, boot, fw, ts);
    }

    /** Online, with the journal's disk problem ({@code null} when there is none). */
    public static SeatStatus online(String boot, String fw, long ts, String disk) {
        return new SeatStatus(true, boot, fw, ts, disk);
    }

    /** This status, as the answer to the {@code rebirth} command {@code commandId} (null: answering none). */
    public SeatStatus answering(String commandId) {
        return new SeatStatus(online, boot, fw, ts, disk, commandId);
    }

    public static SeatStatus offline(String boot, long ts) {
        return new SeatStatus(false, boot, null, ts);
    }
}
