package dev.seatlink.gateway.testing;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A {@link PostgresServer} for one test class, started before its {@code @BeforeAll} methods (which may fill it) and
 * stopped after its {@code @AfterAll} ones: {@code @RegisterExtension static final PostgresPerClass postgres = new
 * PostgresPerClass();}.
 */
public final class PostgresPerClass implements BeforeAllCallback, AfterAllCallback {
    private PostgresServer server;

    @Override
    public void beforeAll(ExtensionContext context) {
        server = PostgresServer.start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    /** JDBC URL of the {@code postgres} database. */
    public String url() {
        return server.url();
    }

    /** The server goes down, clients cut off at once ({@link PostgresServer#stop}). */
    public void stop() {
        server.stop();
    }

    /** The server comes back on the same port and data. */
    public void startAgain() {
        server.startAgain();
    }
}
