package dev.seatlink.gateway.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Registered for every test of the module (junit-platform.properties): a test fails when a Vert.x event
 * loop or worker in this JVM was blocked beyond the limit the tests set ({@code seatlink.loopLimitMs} in
 * the build), with the stack of what held it.
 */
public final class NoBlockedEventLoop implements BeforeEachCallback, AfterEachCallback {
    @Override
    public void beforeEach(ExtensionContext context) {
        BlockedLoopWriter.drain();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        List<String> warnings = BlockedLoopWriter.drain();
        assertThat(warnings).as("an event loop was blocked during %s", context.getDisplayName()).isEmpty();
    }
}
