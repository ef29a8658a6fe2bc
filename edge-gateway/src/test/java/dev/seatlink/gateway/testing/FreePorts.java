package dev.seatlink.gateway.testing;

import dev.seatlink.cluster.StablePorts;

/**
 * A free loopback port for a test server, below the kernel's ephemeral range ({@link StablePorts}): a broker, a
 * gateway or PostgreSQL a test stops and starts again on the same port finds it still free, which an "any free
 * port" one may not be once the other test JVM or an outgoing connection has taken it meanwhile.
 */
public final class FreePorts {
    private FreePorts() {
    }

    public static int next() {
        return StablePorts.next();
    }
}
