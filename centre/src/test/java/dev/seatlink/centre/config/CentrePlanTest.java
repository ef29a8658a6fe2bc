package dev.seatlink.centre.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CentrePlanTest {
    private static final CentrePlan.FloorRef F1 = new CentrePlan.FloorRef("leeds", "f1", "First floor");
    private static final CentrePlan.FloorRef F2 = new CentrePlan.FloorRef("leeds", "f2", "Second floor");

    @Test
    void theFloorCountReadsAsEnglish() {
        assertThat(new CentrePlan("Leeds", List.of(F1)).floorCount()).isEqualTo("1 floor");
        assertThat(new CentrePlan("Leeds", List.of(F1, F2)).floorCount()).isEqualTo("2 floors");
    }
}
