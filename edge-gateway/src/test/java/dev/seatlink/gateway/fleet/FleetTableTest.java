package dev.seatlink.gateway.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class FleetTableTest {
    @Test
    void oneLinePerSeatWithReleaseUptimeAndGapsThenACount() throws Exception {
        String api = """
                {"now":1000000000,"seats":[
                 {"seat":"s-001","team":"billing-1","agent":"a1001","online":true,"firmware":"0.2.0",
                  "boot":"6f1c2d3e-aaaa","bootSeenAt":996400000,"reconnects":2,"lastEventAt":999958000,"missing":1},
                 {"seat":"s-002","team":"billing-1","agent":null,"online":false,"firmware":null,"boot":null,
                  "bootSeenAt":0,"reconnects":0,"lastEventAt":0,"missing":0}]}""";

        String table = FleetTable.render(new ObjectMapper().readTree(api));

        assertThat(table.lines().toList()).hasSize(4);
        assertThat(table.lines().skip(1).findFirst().orElseThrow()).startsWith("s-001").contains("online")
                .contains("0.2.0").contains("6f1c2d3e").contains("1h00m").contains("42s ago").matches(".* 1 +-");
        assertThat(table.lines().skip(2).findFirst().orElseThrow()).contains("OFFLINE");
        assertThat(table).endsWith("1 of 2 seats online\n");
        assertThat(FleetTable.ago(3 * 86_400_000L + 4 * 3_600_000L)).isEqualTo("3d04h");
    }

    @Test
    void aTerminalWhoseDiskRefusesWritesSaysSoBesideOnline() throws Exception {
        String api = """
                {"now":1000000000,"seats":[
                 {"seat":"s-001","team":"billing-1","agent":"a1001","online":true,"firmware":"0.2.0","boot":"b",
                  "bootSeenAt":996400000,"reconnects":1,"lastEventAt":0,"missing":0,"disk":"not-writable"}]}""";

        assertThat(FleetTable.render(new ObjectMapper().readTree(api))).contains("online, disk not-writable");
    }

    @Test
    void showsWhatEachSessionHoldsAndTheSeatsOutsideTheSiteConfigWithHowToRemoveThem() throws Exception {
        String api = """
                {"now":1000000000,"seats":[
                 {"seat":"s-001","team":"t","agent":null,"online":false,"firmware":null,"boot":null,
                  "bootSeenAt":0,"reconnects":0,"lastEventAt":0,"missing":0}],
                 "sessionsReadAt":999990000,"queued":{"s-001":12},
                 "leftovers":[{"seat":"old-7","lastHeardAt":999940000,"kinds":["state","status"],"online":false,
                               "session":true,"queued":3},
                              {"seat":"old-9","lastHeardAt":0,"kinds":[],"online":null,"session":true,"queued":0}]}""";

        String table = FleetTable.render(new ObjectMapper().readTree(api));

        assertThat(table.lines().skip(1).findFirst().orElseThrow()).endsWith("12");
        assertThat(table).contains("2 seat(s) not in the site config")
                .contains("old-7: heard 1m ago (state, status), session holds 3 message(s)")
                .contains("old-9: not heard, session holds 0 message(s)")
                .contains("DELETE GATEWAY/api/fleet/leftovers/SEAT");
    }
}
