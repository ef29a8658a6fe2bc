package dev.seatlink.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The gateway's retained liveness on {@code …/gateway}; the offline form is its Last Will. */
public record GatewayStatus(@JsonProperty(required = true) boolean online, String id,
                            @JsonProperty(required = true) long ts) implements Message {
    public GatewayStatus {
        Check.token("id", id);
        Check.timestamp("ts", ts);
    }
}
