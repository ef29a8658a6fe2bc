package dev.seatlink.gateway.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HtmlTest {
    @Test
    void everyHeadingAndCellIsEscaped() {
        StringBuilder html = new StringBuilder();
        Html.headings(html, List.of("Agent", "<b>"));
        Html.cell(html, "O'Neil & \"Sons\"");
        assertThat(html.toString()).isEqualTo("<tr><th>Agent</th><th>&lt;b&gt;</th></tr>"
                + "<td>O&#39;Neil &amp; &quot;Sons&quot;</td>");
    }

    @Test
    void durationsAreMinutesAndSecondsWhateverTheirLength() {
        assertThat(Html.minutes(0)).isEqualTo("0:00");
        assertThat(Html.minutes(65_999)).isEqualTo("1:05");
        assertThat(Html.minutes(3 * 3_600_000L)).isEqualTo("180:00");
    }
}
