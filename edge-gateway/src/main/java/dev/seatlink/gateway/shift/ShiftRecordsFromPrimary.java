package dev.seatlink.gateway.shift;

import dev.seatlink.protocol.ShiftRecord;
import java.util.concurrent.Executor;
import org.tinylog.Logger;

/**
 * The duty-log lines and handover acknowledgements the floor's primary shared: kept here too (a line once, by its
 * reference; the primary's own come back and are ignored), so this gateway's handover after a failover has the
 * whole log. Written on {@code disk}'s thread.
 */
public final class ShiftRecordsFromPrimary {
    private final ShiftRecords records;
    private final Executor disk;

    public ShiftRecordsFromPrimary(ShiftRecords records, Executor disk) {
        this.records = records;
        this.disk = disk;
    }

    public void heard(ShiftRecord record) {
        disk.execute(() -> {
            try {
                if (ShiftRecord.LOG.equals(record.type())) {
                    records.write(new DutyLogEntry(0, record.at(), record.by(), record.kind(), record.text(),
                            Boolean.TRUE.equals(record.open()), record.ref()));
                } else {
                    records.acknowledgedByPrimary(record.shift(), record.by(), record.at());
                }
            } catch (RuntimeException e) {
                Logger.error("the primary's {} {} could not be kept here: {}", record.type(), record.ref(),
                        e.getMessage());
            }
        });
    }
}
