package dev.seatlink.gateway.roles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seatlink.gateway.roster.Roster;
import dev.seatlink.gateway.roster.RosterCsv;
import dev.seatlink.gateway.site.SeatSpec;
import dev.seatlink.gateway.site.SiteConfig;
import dev.seatlink.gateway.site.SiteConfigException;
import dev.seatlink.gateway.site.Sites;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class GrantsTest {
    /** team-a led by tl-a; team-b led by tl-b, its help routed to team-a; tl-a is also quality. */
    private final SiteConfig site = Sites.parse("""
            {"site":"hq","floor":"f1","managers":["cm"],"dutyManagers":["dm"],"quality":["qa","tl-a"],
             "integrations":["pbx"],
             "teams":[{"id":"team-a","leader":"tl-a"},
                      {"id":"team-b","leader":"tl-b","help":{"model":"specialist","group":"team-a"}}],
             "seats":[{"seat":"s-1","team":"team-a","x":0,"y":0},{"seat":"s-2","team":"team-b","x":1,"y":0}]}""");
    private final SeatSpec teamA = site.seat("s-1").orElseThrow();
    private final SeatSpec teamB = site.seat("s-2").orElseThrow();

    @Test
    void aCentreManagerMayDoEverythingButPostPhoneEvents() {
        Grants cm = new Grants(site, "cm");
        for (Permission permission : Permission.values()) {
            assertThat(cm.reach(permission)).as(permission.label())
                    .isEqualTo(permission == Permission.POST_PHONE_EVENTS ? Reach.NONE : Reach.FLOOR);
        }
    }

    @Test
    void aDutyManagerRunsTheFloorButNotItsConfiguration() {
        Grants dm = new Grants(site, "dm");
        assertThat(dm.covers(Permission.ACT_ON_SEATS, teamB)).isTrue();
        assertThat(dm.has(Permission.MOVE)).isTrue();
        assertThat(dm.has(Permission.KEEP_DUTY_LOG)).isTrue();
        assertThat(dm.has(Permission.EDIT_AGENTS)).isFalse();
        assertThat(dm.has(Permission.MANAGE_FLEET)).isFalse();
    }

    @Test
    void aRosteredDutyManagerHoldsTheRoleDuringTheirShiftAndItsHandoversOnly() {
        Roster roster = new Roster(RosterCsv.read("agent,date,start,end\ndm,2026-12-01,06:00,14:00\n",
                java.time.ZoneId.of("UTC"), java.util.Set.of()).schedules());
        long six = java.time.Instant.parse("2026-12-01T06:00:00Z").toEpochMilli();

        assertThat(new Grants(site, "dm", roster, six + 3_600_000).has(Permission.MOVE)).as("on shift").isTrue();
        assertThat(new Grants(site, "dm", roster, six - Grants.HANDOVER_MS).has(Permission.MOVE))
                .as("taking over").isTrue();
        assertThat(new Grants(site, "dm", roster, six - Grants.HANDOVER_MS - 60_000).has(Permission.MOVE))
                .as("off shift").isFalse();
        assertThat(new Grants(site, "cm", roster, six - 86_400_000).has(Permission.MOVE))
                .as("a centre manager is not rostered").isTrue();
    }

    @Test
    void aTeamLeaderActsOnTheirTeamAndTakesTheHandsRoutedToIt() {
        Grants tlb = new Grants(site, "tl-b");
        assertThat(tlb.roles()).containsExactly(Role.TEAM_LEADER);
        assertThat(tlb.covers(Permission.ACT_ON_SEATS, teamB)).isTrue();
        assertThat(tlb.covers(Permission.ACT_ON_SEATS, teamA)).isFalse();
        assertThat(tlb.covers(Permission.TAKE_HELP, teamA)).isFalse();
        assertThat(tlb.has(Permission.MOVE)).isFalse();
        assertThat(tlb.seatIds(Permission.READ_REPORTS)).containsExactly("s-2");

        Grants tla = new Grants(site, "tl-a");
        assertThat(tla.covers(Permission.TAKE_HELP, teamB)).as("team-b's help is routed to team-a").isTrue();
        assertThat(tla.covers(Permission.ACT_ON_SEATS, teamB)).isFalse();
    }

    @Test
    void qualitySeesEveryTeamAndActsOnNone() {
        Grants qa = new Grants(site, "qa");
        assertThat(qa.teams(Permission.VIEW_TEAMS)).containsExactly("team-a", "team-b");
        assertThat(qa.seatIds(Permission.READ_REPORTS)).containsExactly("s-1", "s-2");
        assertThat(qa.has(Permission.ACT_ON_SEATS)).isFalse();
        assertThat(qa.has(Permission.TAKE_HELP)).isFalse();
        assertThat(qa.has(Permission.READ_AUDIT)).isFalse();
    }

    @Test
    void aUserWithTwoRolesHasTheWiderReachOfEach() {
        Grants tla = new Grants(site, "tl-a"); // leads team-a, and is quality
        assertThat(tla.roles()).containsExactlyInAnyOrder(Role.QUALITY, Role.TEAM_LEADER);
        assertThat(tla.reach(Permission.VIEW_TEAMS)).isEqualTo(Reach.FLOOR);
        assertThat(tla.covers(Permission.ACT_ON_SEATS, teamA)).isTrue();
        assertThat(tla.covers(Permission.ACT_ON_SEATS, teamB)).isFalse();
    }

    @Test
    void anIntegrationAccountPostsPhoneEventsAndNothingElse() {
        Grants pbx = new Grants(site, "pbx");
        for (Permission permission : Permission.values()) {
            assertThat(pbx.has(permission)).as(permission.label())
                    .isEqualTo(permission == Permission.POST_PHONE_EVENTS);
        }
    }

    @Test
    void anAccountTheSiteConfigDoesNotNameMayDoNothing() {
        Grants stranger = new Grants(site, "someone");
        assertThat(stranger.roles()).isEmpty();
        assertThat(java.util.Arrays.stream(Permission.values()).filter(stranger::has)).isEmpty();
        assertThat(stranger.describe()).contains("no role");
    }

    @Test
    void aUserInTwoRoleListsIsRefusedWithTheLine() {
        assertThatThrownBy(() -> Sites.parse("""
                {"site":"hq","floor":"f1","managers":["ann"],"quality":["ann"],
                 "teams":[{"id":"t"}],"seats":[{"seat":"s-1","team":"t","x":0,"y":0}]}"""))
                .isInstanceOf(SiteConfigException.class).hasMessageContaining("quality[0]")
                .hasMessageContaining("already listed in managers");
    }

    @Test
    void theDocsPrintThePermissionsTableTheGatewayEnforces() throws IOException {
        String docs = Files.readString(Path.of("..", "docs", "roles.md"));
        assertThat(docs).contains(Permissions.markdown());
    }
}
