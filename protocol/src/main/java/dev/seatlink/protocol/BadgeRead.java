package dev.seatlink.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A badge presented at the seat's reader, on {@code …/{seat}/badge}: the gateway looks its agent up and signs them
 * in at this seat ({@link Command.SignIn}). Carries the badge's number only: who it belongs to stays at the gateway.
 */
public record BadgeRead(String id, String badge, @JsonProperty(required = true) long ts) implements Message {
    public static final int MAX_BADGE_LENGTH = 64;

    public BadgeRead {
        Check.token("id", id);
        Check.text("badge", badge, MAX_BADGE_LENGTH, false);
        Check.timestamp("ts", ts);
    }
}
