package dev.seatlink.gateway.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    void theDemoFloorHasThreeTeamsOfEightSeats() {
        SiteConfig demo = loader.loadDemo();

        assertThat(demo.site()).isEqualTo("hq");
        assertThat(demo.floor()).isEqualTo("f1");
        assertThat(demo.teams()).hasSize(3);
        assertThat(demo.seats()).hasSize(24);
        assertThat(demo.seats().get(0).seat()).isEqualTo("s-001");
        assertThat(demo.seats().get(23).seat()).isEqualTo("s-024");
        demo.teams().forEach(team ->
                assertThat(demo.seats().stream().filter(s -> s.team().equals(team.id()))).hasSize(8));
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
                .hasMessage("floor.json: seats[0].team 't9' is not one of the teams");
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

        assertThat(loader.load(file).seat("s-1").orElseThrow()).isEqualTo(new SeatSpec("s-1", "t1", "a7", 2, 3));
    }
}
