package dev.seatlink.gateway.testing;

/** Credentials for tests: NATS hashes at bcrypt's least cost, since each step doubles a generation's time. */
public final class TestCredentials {
    public static final int BCRYPT_COST = 4;

    private TestCredentials() {
    }
}
