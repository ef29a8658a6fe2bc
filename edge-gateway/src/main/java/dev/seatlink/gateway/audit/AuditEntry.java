package dev.seatlink.gateway.audit;

/**
 * One line of the audit log. A supervisor action writes two: {@code sent} when the command goes out,
 * then its outcome ({@code ok}, {@code refused}, {@code timeout}); a refused request (no right to act
 * on the seat) writes one, {@code denied}.
 *
 * @param at        when (gateway clock, ms since epoch)
 * @param user      the signed-in supervisor
 * @param action    ack-help, set-state, message, rebirth or replay
 * @param detail    what the action asked for, e.g. "NOT_READY supervisor" or the message text
 * @param outcome   sent, ok, refused, timeout or denied
 * @param error     the seat's or the gateway's reason when it did not succeed, else null
 * @param commandId the command id the seat answers to, or null
 * @param id        the line's place in the log, read back for paging ({@code after}); 0 before it is written
 */
public record AuditEntry(long at, String user, String seat, String action, String detail, String outcome,
                         String error, String commandId, long id) {

    /** A line to write. */
    public AuditEntry(long at, String user, String seat, String action, String detail, String outcome, String error,
                      String commandId) {
        this(at, user, seat, action, detail, outcome, error, commandId, 0);
    }

    public static final String SENT = "sent";
    public static final String OK = "ok";
    public static final String REFUSED = "refused";
    public static final String TIMEOUT = "timeout";
    public static final String DENIED = "denied";
    /** Every outcome a line can have, for a filter. */
    public static final java.util.Set<String> OUTCOMES = java.util.Set.of(SENT, OK, REFUSED, TIMEOUT, DENIED);
}
