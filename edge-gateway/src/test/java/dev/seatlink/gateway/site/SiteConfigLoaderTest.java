package dev.seatlink.gateway.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seatlink.protocol.AgentState;
import dev.seatlink.protocol.PhoneRules;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteConfigLoaderTest {
    private final SiteConfigLoader loader = new SiteConfigLoader();

    private SiteConfig parse(String json) {
        return loader.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "floor.json");
    }

    private static String map(String teams, String seats) {
        return "{\"site\":\"hq\",\"floor\":\"f1\",\"teams\":[" + teams + "],\"seats\":[" + seats + "]}";
    }

    private static final String TEAM = "{\"id\":\"t1\",\"name\":\"Team 1\"}";

    @Test
    void theDemoFloorHasFourTeamsOn24Seats() {
        SiteConfig demo = loader.loadDemo();

        assertThat(demo.site()).isEqualTo("hq");
        assertThat(demo.floor()).isEqualTo("f1");
        assertThat(demo.teams()).extracting(TeamSpec::id)
                .containsExactly("billing-1", "vip-care", "tech-support", "tech-experts");
        assertThat(demo.seats()).hasSize(24);
        assertThat(demo.seats().get(0).seat()).isEqualTo("s-001");
        assertThat(demo.seats().get(23).seat()).isEqualTo("s-024");
        assertThat(demo.team("tech-support").orElseThrow().help()).isEqualTo(new HelpRoute("specialist", "tech-experts"));
        assertThat(demo.team("vip-care").orElseThrow().customerTier()).isEqualTo("vip");
        assertThat(demo.seat("s-004").orElseThrow().skill()).isEqualTo("expert");
    }

    @Test
    void aTeamInheritsTheSiteRulesUnlessItSetsItsOwn() {
        SiteConfig site = parse("{\"site\":\"hq\",\"floor\":\"f1\",\"reasons\":[\"break\"],\"wrapUpSeconds\":20,"
                + "\"teams\":[{\"id\":\"t1\"},{\"id\":\"t2\",\"reasons\":[\"lunch\"],\"wrapUpSeconds\":45,"
                + "\"wrapUpThen\":\"NOT_READY\",\"skillTier\":\"expert\"}],"
                + "\"seats\":[{\"seat\":\"s-1\",\"team\":\"t1\",\"x\":0,\"y\":0},"
                + "{\"seat\":\"s-2\",\"team\":\"t2\",\"x\":1,\"y\":0}]}");

        assertThat(site.seatConfig(site.seat("s-1").orElseThrow()).reasons()).containsExactly("break");
        assertThat(site.seatConfig(site.seat("s-1").orElseThrow()).wrapUpSeconds()).isEqualTo(20);
        assertThat(site.seatConfig(site.seat("s-2").orElseThrow()).reasons()).containsExactly("lunch");
        assertThat(site.seatConfig(site.seat("s-2").orElseThrow()).wrapUpThen()).isEqualTo(AgentState.NOT_READY);
        assertThat(site.seat("s-2").orElseThrow().skill()).isEqualTo("expert");
        assertThat(site.thresholds().notReadyLimitMs("break")).isEqualTo(900_000);
        assertThat(site.shifts().starts()).hasSize(3);
    }

    @Test
    void aRuleBrokenAfterParsingStillNamesItsLine() {
        String json = "{\"site\":\"hq\",\"floor\":\"f1\",\n\"teams\":[" + TEAM + "],\n\"seats\":[\n"
                + "{\"seat\":\"s-1\",\"team\":\"t1\",\"x\":0,\"y\":0},\n"
                + "{\"seat\":\"s-2\",\"team\":\"nope\",\"x\":1,\"y\":0}]}";

        assertThatThrownBy(() -> parse(json)).hasMessage("floor.json: line 5: seats[1].team 'nope' is not one of the teams");
    }

    @Test
    void badShiftsThresholdsAndHelpRoutesAreRefusedByField() {
        String seats = "{\"seat\":\"s-1\",\"team\":\"t1\",\"x\":0,\"y\":0}";
        assertThatThrownBy(() -> parse("{\"site\":\"hq\",\"floor\":\"f1\",\"shifts\":[\"25:00\"],\"teams\":[" + TEAM
                + "],\"seats\":[" + seats + "]}")).hasMessageContaining("shifts[0] '25:00' is not a time of day");
        assertThatThrownBy(() -> parse("{\"site\":\"hq\",\"floor\":\"f1\",\"timeZone\":\"Mars/Base\",\"teams\":["
                + TEAM + "],\"seats\":[" + seats + "]}")).hasMessageContaining("timeZone 'Mars/Base' is not a time zone");
        assertThatThrownBy(() -> parse("{\"site\":\"hq\",\"floor\":\"f1\",\"thresholds\":{\"helpWaitSeconds\":0},"
                + "\"teams\":[" + TEAM + "],\"seats\":[" + seats + "]}"))
                .hasMessageContaining("thresholds.helpWaitSeconds must be a positive number");
        assertThatThrownBy(() -> parse(map("{\"id\":\"t1\",\"help\":{\"model\":\"specialist\",\"group\":\"t9\"}}", seats)))
                .hasMessageContaining("teams[0].help.group must name another team");
        assertThatThrownBy(() -> parse(map("{\"id\":\"t1\",\"skillTier\":\"guru\"}", seats)))
                .hasMessageContaining("teams[0].skillTier 'guru' must be one of [novice, regular, expert]");
    }

    @Test
    void defaultsReasonsAndWrapUpWhenTheFileLeavesThemOut() {
        SiteConfig map = parse(map(TEAM, "{\"seat\":\"s-1\",\"team\":\"t1\",\"x\":0,\"y\":0}"));

        assertThat(map.reasons()).startsWith("break");
        assertThat(map.wrapUpSeconds()).isEqualTo(30);
    }

    @Test
    void aSeatInAnUnknownTeamIsRefusedNamingTheField() {
        assertThatThrownBy(() -> parse(map(TEAM, "{\"seat\":\"s-1\",\"team\":\"t9\",\"x\":0,\"y\":0}")))
                .isInstanceOf(SiteConfigException.class)
                .hasMessage("floor.json: line 1: seats[0].team 't9' is not one of the teams");
    }

    @Test
    void duplicateSeatsAreRefused() {
        String seat = "{\"seat\":\"s-1\",\"team\":\"t1\",\"x\":0,\"y\":0}";
        String other = "{\"seat\":\"s-1\",\"team\":\"t1\",\"x\":1,\"y\":0}";

        assertThatThrownBy(() -> parse(map(TEAM, seat + "," + other))).hasMessageContaining("seats[1].seat 's-1' appears twice");
    }

    @Test
    void twoSeatsOnOneSpotAreRefused() {
        String seats = "{\"seat\":\"s-1\",\"team\":\"t1\",\"x\":0,\"y\":0},{\"seat\":\"s-2\",\"team\":\"t1\",\"x\":0,\"y\":0}";

        assertThatThrownBy(() -> parse(map(TEAM, seats))).hasMessageContaining("seats[1] shares x/y 0,0");
    }

    @Test
    void aBadIdentifierIsRefused() {
        assertThatThrownBy(() -> parse(map(TEAM, "{\"seat\":\"Seat 1\",\"team\":\"t1\",\"x\":0,\"y\":0}")))
                .hasMessageContaining("seats[0].seat 'Seat 1' is not an identifier");
    }

    @Test
    void aTypoInAFieldNameIsRefusedWithItsLine() {
        String json = "{\"site\":\"hq\",\"floor\":\"f1\",\n\"teams\":[" + TEAM + "],\n\"seats\":[{\"seat\":\"s-1\",\"taem\":\"t1\",\"x\":0,\"y\":0}]}";

        assertThatThrownBy(() -> parse(json)).hasMessageStartingWith("floor.json: line 3: seats[0].taem: ");
    }

    @Test
    void aSeatWithoutAPositionIsRefused() {
        assertThatThrownBy(() -> parse(map(TEAM, "{\"seat\":\"s-1\",\"team\":\"t1\",\"y\":0}")))
                .hasMessageContaining("Missing required creator property 'x'");
    }

    @Test
    void brokenJsonIsRefusedWithItsLine() {
        assertThatThrownBy(() -> parse("{\"site\":\"hq\",\n\"floor\":")).hasMessageStartingWith("floor.json: line 2");
    }

    @Test
    void aMissingFileIsNamed(@TempDir Path dir) {
        Path missing = dir.resolve("nope.json");

        assertThatThrownBy(() -> loader.load(missing)).hasMessageStartingWith(missing + ": cannot read");
    }

    @Test
    void loadsAFileFromDisk(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("floor.json");
        Files.writeString(file, map(TEAM, "{\"seat\":\"s-1\",\"team\":\"t1\",\"agent\":\"a7\",\"x\":2,\"y\":3}"));

        assertThat(loader.load(file).seat("s-1").orElseThrow()).isEqualTo(new SeatSpec("s-1", "t1", "a7", "regular", 2, 3));
    }

    @Test
    void aSeatOnThePhoneSystemIsFoundByEachOfItsNamesAndItsConfigCarriesItsTeamsPhoneRules() {
        SiteConfig site = parse("{\"site\":\"hq\",\"floor\":\"f1\",\"integrations\":[\"pbx\"],"
                + "\"phone\":{\"missedToNotReady\":2},"
                + "\"teams\":[{\"id\":\"t1\"},{\"id\":\"t2\",\"phone\":{\"missedToNotReady\":1}}],"
                + "\"seats\":[{\"seat\":\"s-1\",\"team\":\"t1\",\"x\":0,\"y\":0,\"acd\":[\"PJSIP/1012\",\"Agent/12\"]},"
                + "{\"seat\":\"s-2\",\"team\":\"t2\",\"x\":1,\"y\":0,\"acd\":[\"PJSIP/1013\"]},"
                + "{\"seat\":\"s-3\",\"team\":\"t2\",\"x\":2,\"y\":0}]}");

        assertThat(site.staff().integrations()).containsExactly("pbx");
        assertThat(site.seatForAcd("Agent/12").orElseThrow().seat()).isEqualTo("s-1");
        assertThat(site.seatForAcd("PJSIP/1013").orElseThrow().seat()).isEqualTo("s-2");
        assertThat(site.seatForAcd("PJSIP/9999")).isEmpty();
        assertThat(site.seatConfig(site.seat("s-1").orElseThrow()).phone()).isEqualTo(new PhoneRules(2));
        assertThat(site.seatConfig(site.seat("s-2").orElseThrow()).phone()).isEqualTo(new PhoneRules(1));
        assertThat(site.seatConfig(site.seat("s-3").orElseThrow()).phone()).as("not on the phone system").isNull();
        assertThat(loader.loadDemo().seatForAcd("PJSIP/1007").orElseThrow().seat()).isEqualTo("s-007");
    }

    @Test
    void phoneNamesIntegrationsAndPhoneRulesThatBreakTheRulesAreRefusedByField() {
        String seatA = "{\"seat\":\"s-1\",\"team\":\"t1\",\"x\":0,\"y\":0,\"acd\":[\"PJSIP/1\"]}";
        String seatB = "{\"seat\":\"s-2\",\"team\":\"t1\",\"x\":1,\"y\":0,\"acd\":[\"PJSIP/1\"]}";
        assertThatThrownBy(() -> parse(map(TEAM, seatA + "," + seatB)))
                .hasMessageContaining("seats[1].acd[0] 'PJSIP/1' names two seats");
        assertThatThrownBy(() -> parse(map(TEAM, seatA.replace("PJSIP/1", "PJSIP 1"))))
                .hasMessageContaining("seats[0].acd[0] must be 1-160 printable ASCII characters without spaces");
        assertThatThrownBy(() -> parse(map("{\"id\":\"t1\",\"phone\":{\"missedToNotReady\":0}}", seatA)))
                .hasMessageContaining("teams[0].phone.missedToNotReady must be 1-10");
        assertThatThrownBy(() -> parse("{\"site\":\"hq\",\"floor\":\"f1\",\"managers\":[\"dana\"],"
                + "\"integrations\":[\"dana\"],\"teams\":[" + TEAM + "],\"seats\":[" + seatA + "]}"))
                .hasMessageContaining("integrations[0] 'dana' is already listed in managers");
        assertThatThrownBy(() -> parse("{\"site\":\"hq\",\"floor\":\"f1\",\"integrations\":[\"pbx\"],"
                + "\"teams\":[{\"id\":\"t1\",\"leader\":\"pbx\"}],\"seats\":[" + seatA + "]}"))
                .hasMessageContaining("teams[0].leader 'pbx' is one of the integrations");
        assertThatThrownBy(() -> parse(map(TEAM, "{\"seat\":\"cti\",\"team\":\"t1\",\"x\":0,\"y\":0}")))
                .hasMessageContaining("'cti' is the name of a broker login");
        assertThatThrownBy(() -> parse(map("{\"id\":\"t1\",\"reasons\":[\"missed\"]}", seatA)))
                .hasMessageContaining("'missed' is kept for the not ready that missed calls cause");
        assertThatThrownBy(() -> parse(map("{\"id\":\"t1\",\"phone\":{\"signOut\":\"hangup\"}}", seatA)))
                .hasMessageContaining("teams[0].phone.signOut 'hangup' must be one of [pause, remove]");
        assertThat(parse(map("{\"id\":\"t1\",\"phone\":{\"signOut\":\"remove\"}}", seatA)).team("t1")
                .orElseThrow().removeOnSignOut()).isTrue();
    }
}
