package dev.seatlink.gateway.shift;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.seatlink.gateway.agents.Agent;
import dev.seatlink.gateway.agents.AgentDirectory;
import dev.seatlink.gateway.audit.AuditEntry;
import dev.seatlink.gateway.audit.AuditLog;
import dev.seatlink.gateway.floor.Alert;
import dev.seatlink.gateway.floor.AlertChange;
import dev.seatlink.gateway.report.ReportRow;
import dev.seatlink.gateway.roster.Roster;
import dev.seatlink.gateway.site.SiteConfig;
import dev.seatlink.gateway.site.Sites;
import dev.seatlink.gateway.store.EventStore;
import dev.seatlink.gateway.store.StoreWriter;
import dev.seatlink.protocol.AgentState;
import dev.seatlink.protocol.Cause;
import dev.seatlink.protocol.SeatEvent;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A shift with known events on Sites.twoTeams (shifts at 06:00 and 18:00 UTC) has known figures in its handover:
 * a1 at s-1 (team-a) works 06:00–18:00 with one call and one raised hand of 3 minutes; s-2 (team-b) stays signed
 * out.
 */
class HandoverBuilderTest {
    private static final long SIX = Instant.parse("2026-12-01T06:00:00Z").toEpochMilli();
    private static final long EIGHTEEN = Instant.parse("2026-12-01T18:00:00Z").toEpochMilli();
    private static final long MINUTE = 60_000;

    @TempDir
    Path dir;
    private EventStore store;
    private AuditLog audit;
    private ShiftRecords records;
    private final SiteConfig site = Sites.twoTeams();
    private final List<SeatEvent> events = new ArrayList<>();
    private long seq;

    @BeforeEach
    void open() {
        store = EventStore.open(dir);
        audit = AuditLog.open(store.file());
        records = ShiftRecords.open(store.file());
    }

    @AfterEach
    void close() {
        store.close();
    }

    private void event(AgentState from, AgentState to, boolean help, long at) {
        events.add(new SeatEvent("s-1", "a1", from, to, null, help, at, ++seq, "boot", Cause.BUTTON));
    }

    private void stored() throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        try (StoreWriter writer = new StoreWriter(store)) {
            writer.submit(events.stream().map(e -> new StoreWriter.Item(e, e.at())).toList(), done::countDown);
            assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void theHandoverOfAShiftWithKnownEventsHasKnownFigures() throws Exception {
        event(AgentState.LOGGED_OUT, AgentState.READY, false, SIX);
        event(AgentState.READY, AgentState.BUSY, false, SIX + 60 * MINUTE);
        event(AgentState.BUSY, AgentState.WRAP_UP, false, SIX + 70 * MINUTE);
        event(AgentState.WRAP_UP, AgentState.READY, false, SIX + 72 * MINUTE);
        event(AgentState.READY, AgentState.READY, true, SIX + 120 * MINUTE);
        event(AgentState.READY, AgentState.READY, false, SIX + 123 * MINUTE);
        event(AgentState.READY, AgentState.LOGGED_OUT, false, EIGHTEEN - MINUTE);
        stored();
        audit.append(new AuditEntry(SIX + 121 * MINUTE, "tl-a", "s-1", "ack-help", null, AuditEntry.OK, null, "c1"));
        audit.append(new AuditEntry(SIX + 200 * MINUTE, "tl-a", "s-1", "message", "hi", AuditEntry.SENT, null, "c2"));
        audit.append(new AuditEntry(EIGHTEEN + MINUTE, "tl-a", "s-1", "message", "next shift", AuditEntry.SENT, null,
                "c3"));
        records.write(new DutyLogEntry(0, SIX + 30 * MINUTE, "dm", "incident", "phones down in row 3", true, "r1"));
        records.write(new DutyLogEntry(0, SIX + 90 * MINUTE, "dm", "note", "<b>fine</b>", false, "r2"));
        Alert late = new Alert("a-1", Alert.NOT_READY_OVER_LIMIT, "team-a", "s-1", "a1", "s-1 on break too long",
                SIX + 300 * MINUTE);
        records.alert(new AlertChange(AlertChange.RAISED, late, SIX + 300 * MINUTE));
        records.alert(new AlertChange(AlertChange.CLEARED, late, SIX + 310 * MINUTE));
        AgentDirectory agents = new AgentDirectory(List.of(new Agent("a1", "Ada One", "team-a", "regular", null,
                true)));

        HandoverReport report = new HandoverBuilder(store, audit, records).build(site, agents, Roster.EMPTY, SIX, EIGHTEEN,
                EIGHTEEN, true, List.of(), List.of());

        assertThat(report.staffing()).extracting(HandoverReport.Staffing::team, HandoverReport.Staffing::staffed)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("team-a", 1),
                        org.assertj.core.groups.Tuple.tuple("team-b", 0));
        assertThat(report.staffing().get(0).agents()).containsExactly("Ada One");
        ReportRow teamA = report.teams().stream().filter(t -> t.key().equals("team-a")).findFirst().orElseThrow();
        assertThat(teamA.contacts()).isEqualTo(1);
        assertThat(teamA.msInState().get("BUSY")).isEqualTo(10 * MINUTE);
        assertThat(teamA.msInState().get("WRAP_UP")).isEqualTo(2 * MINUTE);
        assertThat(report.help().requests()).isEqualTo(1);
        assertThat(report.help().longestWaitMs()).isEqualTo(3 * MINUTE);
        assertThat(report.help().takenBy()).containsEntry("tl-a", 1);
        assertThat(report.actions().counts()).containsEntry("ack-help ok", 1).containsEntry("message sent", 1)
                .hasSize(2);
        assertThat(report.alerts()).extracting(AlertRecord::change).containsExactly("raised", "cleared");
        assertThat(report.log()).hasSize(2);
        assertThat(report.open().log()).extracting(DutyLogEntry::text).containsExactly("phones down in row 3");

        JsonNode json = HandoverJson.read(HandoverJson.write(report));
        String page = HandoverPage.of(json, site.shifts().zone(), null, null);
        assertThat(page).contains("phones down in row 3").contains("&lt;b&gt;fine&lt;/b&gt;").doesNotContain("<b>fine")
                .contains("Ada One").contains("Not yet acknowledged");
    }

    @Test
    void whatThePrimarySharesIsKeptOnceAndItsAcknowledgementWaitsForTheReport() {
        DutyLogEntry line = new DutyLogEntry(0, SIX, "dm", "note", "shared", false, "ref-1");
        assertThat(records.write(line).id()).isPositive();
        assertThat(records.write(line).id()).as("the same line again (the primary's own, echoed)").isZero();
        assertThat(records.log(SIX, EIGHTEEN)).hasSize(1);

        records.acknowledgedByPrimary(SIX, "dm-next", EIGHTEEN + MINUTE); // before this gateway made its report
        records.keepHandover(SIX, EIGHTEEN, EIGHTEEN + 2 * MINUTE, "{}");
        assertThat(records.handover(SIX).orElseThrow().acknowledgedBy()).isEqualTo("dm-next");
        assertThat(records.handover(SIX).orElseThrow().acknowledgedAt()).isEqualTo(EIGHTEEN + MINUTE);
    }

    @Test
    void aKeptHandoverIsAcknowledgedOnceAndGoesWithTheRetention() {
        records.keepHandover(SIX, EIGHTEEN, EIGHTEEN, "{}");
        records.keepHandover(SIX, EIGHTEEN, EIGHTEEN + 1, "{\"second\":true}");
        assertThat(records.handover(SIX).orElseThrow().report()).as("the first stands").isEqualTo("{}");

        assertThat(records.acknowledge(SIX, "dm-next", EIGHTEEN + 5 * MINUTE)).isTrue();
        assertThat(records.acknowledge(SIX, "someone-else", EIGHTEEN + 6 * MINUTE)).isFalse();
        assertThat(records.handover(SIX).orElseThrow().acknowledgedBy()).isEqualTo("dm-next");
        assertThat(records.acknowledge(EIGHTEEN, "dm-next", EIGHTEEN)).as("nothing kept").isFalse();

        assertThat(records.deleteBefore(EIGHTEEN + 1)).isEqualTo(1);
        assertThat(records.handover(SIX)).isEmpty();
    }
}
