package dev.seatlink.gateway.testing;

import dev.seatlink.gateway.lease.GatewayRole;
import dev.seatlink.gateway.lease.Role;

/** One of a floor's pair of gateways whose role a test sets; the other one is primary while this one is not. */
public final class FakeRole implements GatewayRole {
    public Role role = Role.PRIMARY;
    private final String self;

    public FakeRole(String self) {
        this.self = self;
    }

    @Override
    public Role role() {
        return role;
    }

    @Override
    public String self() {
        return self;
    }

    @Override
    public String primary() {
        return role == Role.PRIMARY ? self : "other";
    }

    @Override
    public String primaryUrl() {
        return null;
    }

    @Override
    public boolean paired() {
        return true;
    }
}
