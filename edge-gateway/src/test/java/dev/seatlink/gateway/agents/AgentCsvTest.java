package dev.seatlink.gateway.agents;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seatlink.gateway.site.SiteConfig;
import dev.seatlink.gateway.site.SiteConfigLoader;
import org.junit.jupiter.api.Test;

class AgentCsvTest {
    private final SiteConfig demo = new SiteConfigLoader().loadDemo();

    @Test
    void readsEveryAgentWithQuotedNamesAColumnOrderOfItsOwnAndOptionalBadgeAndActive() {
        AgentCsv.Result read = AgentCsv.read("""
                \uFEFFname,id,team,skill,badge,active
                "Berg, Anna",a1001,billing-1,regular,B0001,true
                "Dana ""DJ"" Jones",a1002,billing-1,expert,,no
                Chen Li,a1017,tech-support,novice
                """, demo);

        assertThat(read.ok()).isTrue();
        assertThat(read.agents()).containsExactly(
                new Agent("a1001", "Berg, Anna", "billing-1", "regular", "B0001", true),
                new Agent("a1002", "Dana \"DJ\" Jones", "billing-1", "expert", null, false),
                new Agent("a1017", "Chen Li", "tech-support", "novice", null, true));
    }

    @Test
    void aFileWithProblemsImportsNothingAndNamesEveryProblemWithItsLine() {
        AgentCsv.Result read = AgentCsv.read("""
                id,name,team,skill,badge,active
                a1001,Anna,billing-1,regular,B1,true
                A 1002,Ben,billing-9,guru,B1,maybe
                a1001,Anna again,billing-1,regular,,
                a1003,"unclosed,billing-1,regular,,
                """, demo);

        assertThat(read.ok()).isFalse();
        assertThat(read.agents()).isEmpty();
        assertThat(read.problems()).anyMatch(p -> p.startsWith("line 3: id 'A 1002' is not an identifier"))
                .anyMatch(p -> p.equals("line 3: team 'billing-9' is not a team of the site config"))
                .anyMatch(p -> p.startsWith("line 3: skill 'guru'"))
                .anyMatch(p -> p.equals("line 3: badge B1 is on line 2 too"))
                .anyMatch(p -> p.startsWith("line 3: active must be true or false"))
                .anyMatch(p -> p.equals("line 4: id 'a1001' is on line 2 too"))
                .anyMatch(p -> p.equals("line 5: a quoted field is not closed"));
    }

    @Test
    void aHeaderWithoutTheNeededColumnsOrAnEmptyFileIsRefused() {
        assertThat(AgentCsv.read("id,name\na1,Anna\n", demo).problems())
                .containsExactly("line 1: the header has no column 'team' (id,name,team,skill[,badge,active])",
                        "line 1: the header has no column 'skill' (id,name,team,skill[,badge,active])");
        assertThat(AgentCsv.read("", demo).ok()).isFalse();
    }
}
