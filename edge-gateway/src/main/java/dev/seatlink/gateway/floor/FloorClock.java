package dev.seatlink.gateway.floor;

/** The gateway's wall clock, in epoch milliseconds: the system's in service, a fixed or stepped one in tests. */
@FunctionalInterface
public interface FloorClock {
    FloorClock SYSTEM = System::currentTimeMillis;

    long millis();
}
