package dev.seatlink.gateway.broker;

import dev.seatlink.gateway.access.PasswordFile;
import dev.seatlink.gateway.site.SiteConfig;

/** What the embedded broker checks logins and topics against: the seat map and the floor's password file. */
public record BrokerAccessFiles(SiteConfig map, PasswordFile passwords) {
}
