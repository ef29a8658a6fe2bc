package dev.seatlink.gateway.audit;

/** Where supervisors' actions are recorded once they ended (sent, refused, answered or timed out). */
public interface AuditTrail {
    void record(AuditEntry entry);
}
