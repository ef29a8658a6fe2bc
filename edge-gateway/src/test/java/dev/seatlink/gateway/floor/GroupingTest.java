package dev.seatlink.gateway.floor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class GroupingTest {

    @Test
    void theWallboardsPivotButtonsAreTheGroupingsTheKpisCarry() throws Exception {
        String page;
        try (InputStream in = GroupingTest.class.getResourceAsStream("/webroot/index.html")) {
            page = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Matcher buttons = Pattern.compile("data-grouping=\"([A-Za-z]+)\"").matcher(page);

        assertThat(buttons.results().map(m -> m.group(1)))
                .containsExactlyElementsOf(Arrays.stream(Grouping.values()).map(Grouping::key).toList());
    }

    @Test
    void theKpisCarryEveryGroupingTeamsFirst() {
        FloorKpis kpis = new FloorModel(new dev.seatlink.gateway.site.SiteConfigLoader().loadDemo(), 0).kpis(1_000);

        assertThat(kpis.groups().keySet()).containsExactlyElementsOf(
                Stream.of(Grouping.values()).map(Grouping::key).toList());
    }
}
