package dev.seatlink.gateway.report;

import dev.seatlink.gateway.agents.AgentDirectory;
import dev.seatlink.gateway.site.SeatSpec;
import dev.seatlink.gateway.site.SiteConfig;
import dev.seatlink.gateway.store.EventStore;
import java.util.List;
import java.util.function.Predicate;

/**
 * One time-in-state report read from the store: the seats' events over the period, aggregated as they are read,
 * with the phone system's calls and people's names. Blocking: a worker's thread.
 */
public final class ReportRun {
    private ReportRun() {
    }

    /**
     * @param seats   the seats whose events are read (none: empty rows)
     * @param visible which seats' figures count, as {@code seats}
     */
    public static List<ReportRow> rows(EventStore store, SiteConfig site, long from, long to, List<String> seats,
                                       Predicate<SeatSpec> visible, String group, AgentDirectory agents) {
        TimeInStateReport report = new TimeInStateReport(site, from, to, visible);
        if (seats.isEmpty()) {
            return report.rows(group);
        }
        store.window(from, to, seats, report::add);
        return report.named(report.withCalls(report.rows(group), group, store.callFigures(from, to, seats,
                !TimeInStateReport.BY_AGENT.equals(group))), group, agents);
    }
}
