package dev.seatlink.centre.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CentreFileTest {
    @Test
    void aCentreListsItsFloorsInOrder() {
        CentrePlan plan = CentreFile.parse("{\"centre\":\"Leeds\",\"floors\":[{\"site\":\"leeds\",\"floor\":\"f1\","
                + "\"name\":\"Floor 1\"},{\"site\":\"leeds\",\"floor\":\"f2\"}]}", "centre.json");
        assertThat(plan.name()).isEqualTo("Leeds");
        assertThat(plan.floors()).extracting(CentrePlan.FloorRef::name).containsExactly("Floor 1", "leeds f2");
    }

    @Test
    void mistakesNameTheFieldTheyAreIn() {
        assertThatThrownBy(() -> CentreFile.parse("{\"centre\":\"L\",\"floors\":[{\"site\":\"leeds\",\"floor\":\"f/1\"}]}",
                "c.json")).isInstanceOf(CentreConfigException.class).hasMessageContaining("c.json: floors[0].floor");
        assertThatThrownBy(() -> CentreFile.parse("{\"centre\":\"L\",\"floors\":[]}", "c.json"))
                .hasMessageContaining("floors must list 1-200");
        assertThatThrownBy(() -> CentreFile.parse("[1]", "c.json")).hasMessageContaining("JSON object");
        assertThatThrownBy(() -> CentreFile.parse("{\"centre\":\"L\",\"floors\":[{\"site\":\"a\",\"floor\":\"b\"},"
                + "{\"site\":\"a\",\"floor\":\"b\"}]}", "c.json")).hasMessageContaining("a/b is listed twice");
        assertThatThrownBy(() -> CentreFile.parse("{", "c.json")).hasMessageContaining("not JSON");
    }

    /** Only ids a floor's topics can have: "Leeds" was taken, and the view failed to start with a stack trace. */
    @Test
    void aSiteOrFloorIdNoFloorCanHaveIsRefused() {
        for (String site : new String[] {"Leeds", "leeds_1", "-leeds", "a".repeat(33)}) {
            assertThatThrownBy(() -> CentreFile.parse("{\"centre\":\"L\",\"floors\":[{\"site\":\"" + site
                    + "\",\"floor\":\"f1\"}]}", "c.json")).isInstanceOf(CentreConfigException.class)
                    .hasMessageStartingWith("c.json: floors[0].site must be an id").hasMessageContaining(site);
        }
    }
}
