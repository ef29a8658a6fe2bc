package dev.seatlink.gateway.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a test class that overloads the machine by design (fifty terminals replaying their journals through a
 * broker restart, beside the gateway, on two cores): there a busy event loop waits for a core for hundreds
 * of milliseconds whatever it runs, so its gateways get Vert.x's own limit ({@value #LOOP_LIMIT_MS} ms)
 * instead of the suite's tight one. A handler that blocks is still caught by every other test.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface OverloadsTheMachine {
    long LOOP_LIMIT_MS = 2_000;
}
