package dev.seatlink.gateway.broker;

import dev.seatlink.gateway.access.PasswordFile;
import dev.seatlink.gateway.site.SeatMap;

/** What the embedded broker checks logins and topics against: the seat map and the floor's password file. */
public record BrokerAccessFiles(SeatMap map, PasswordFile passwords) {
}
