package dev.seatlink.gateway.cti;

import dev.seatlink.protocol.CallEvent;
import io.vertx.core.Future;

/** Sends a phone event to its seat (on the seat's {@code call} topic); completes once the broker has it. */
public interface CallSender {
    Future<Void> call(CallEvent event);
}
