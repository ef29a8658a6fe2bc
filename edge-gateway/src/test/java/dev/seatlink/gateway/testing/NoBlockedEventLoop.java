package dev.seatlink.gateway.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seatlink.gateway.Gateway;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Registered for every test of the module (junit-platform.properties): a test fails when a Vert.x event
 * loop or worker in this JVM was blocked beyond the limit the tests set ({@code seatlink.loopLimitMs} in
 * the build) in a call that waits, or computed past Vert.x's own limit ({@link BlockedLoop#fails}), with the stack
 * of what held it; classes marked {@link OverloadsTheMachine} get Vert.x's own limit for both.
 */
public final class NoBlockedEventLoop implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback {
    /** Set by the build for the whole suite. */
    private static final String LIMIT = Gateway.LOOP_LIMIT_PROPERTY;
    private static final ExtensionContext.Namespace HERE = ExtensionContext.Namespace.create(NoBlockedEventLoop.class);

    @Override
    public void beforeEach(ExtensionContext context) {
        BlockedLoopWriter.drain();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        List<BlockedLoop> held = BlockedLoopWriter.drain().stream().filter(BlockedLoop::fails).toList();
        assertThat(held).as("an event loop was blocked during %s", context.getDisplayName()).isEmpty();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (context.getRequiredTestClass().isAnnotationPresent(OverloadsTheMachine.class)) {
            context.getStore(HERE).put(LIMIT, System.getProperty(LIMIT));
            System.setProperty(LIMIT, String.valueOf(OverloadsTheMachine.LOOP_LIMIT_MS));
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (context.getRequiredTestClass().isAnnotationPresent(OverloadsTheMachine.class)) {
            String suites = context.getStore(HERE).get(LIMIT, String.class);
            if (suites == null) {
                System.clearProperty(LIMIT);
            } else {
                System.setProperty(LIMIT, suites);
            }
        }
    }
}
