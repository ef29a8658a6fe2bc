package dev.seatlink.gateway.calls;

/** Where finished calls go to be kept for reports (the event store, through its writer thread). */
public interface CallRecords {
    /** Keeps nothing: a floor without a store (tests, tools). */
    CallRecords NONE = record -> { };

    void finished(CallRecord record);
}
