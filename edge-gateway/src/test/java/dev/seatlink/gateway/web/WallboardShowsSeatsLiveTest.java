package dev.seatlink.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.seatlink.gateway.Gateway;
import dev.seatlink.gateway.GatewayConfig;
import dev.seatlink.gateway.testing.FreePorts;
import dev.seatlink.gateway.testing.HeadlessChromium;
import dev.seatlink.gateway.testing.MqttProbe;
import dev.seatlink.protocol.AgentState;
import dev.seatlink.protocol.Cause;
import dev.seatlink.protocol.SeatEvent;
import dev.seatlink.protocol.SeatStatus;
import dev.seatlink.protocol.Topic;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/** The wallboard in a real (headless) browser: the floor plan, live changes, the stale banner. */
class WallboardShowsSeatsLiveTest {
    private static final Duration PATIENCE = Duration.ofSeconds(15);

    @TempDir
    Path dir;

    private Gateway gateway;
    private ChromeDriver browser;
    private MqttProbe seat;

    @BeforeEach
    void openTheWallboard() throws Exception {
        if (!HeadlessChromium.installed()) {
            System.err.println("SKIPPED: chromium/chromium-driver not installed (apt-get install chromium chromium-driver)");
        }
        Assumptions.assumeTrue(HeadlessChromium.installed(), "chromium and chromium-driver are not installed");
        gateway = Gateway.start(GatewayConfig.defaults().with(0, null, FreePorts.next(), dir.resolve("gateway")));
        seat = new MqttProbe(gateway.brokerUrl());
        browser = HeadlessChromium.start(dir.resolve("chromium"));
        browser.get(gateway.wallboardUrl());
        await().atMost(PATIENCE).until(() -> browser.findElements(By.cssSelector("article.seat")).size() == 24);
    }

    @AfterEach
    void close() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (seat != null) {
            seat.close();
        }
        if (gateway != null) {
            gateway.close();
        }
    }

    private WebElement tile(String id) {
        return browser.findElement(By.id("seat-" + id));
    }

    @Test
    void showsEverySeatOfTheFloorOfflineBeforeAnyTerminalSpeaks() {
        assertThat(tile("s-001").getAttribute("data-state")).isEqualTo("OFFLINE");
        assertThat(tile("s-001").findElement(By.className("letter")).getText()).isEqualTo("X");
        assertThat(browser.findElement(By.id("count-OFFLINE")).getText()).contains("24");
        assertThat(browser.findElement(By.id("link")).getText()).isEqualTo("live");
    }

    @Test
    void aSeatGoingNotReadyChangesItsTileWithoutAReload() throws Exception {
        long now = System.currentTimeMillis();
        seat.publish(Topic.seat("hq", "f1", "s-012", Topic.Kind.STATUS), SeatStatus.online("b-1", "test", now));
        seat.publish(Topic.seat("hq", "f1", "s-012", Topic.Kind.EVENT), new SeatEvent("s-012", "a1012",
                AgentState.LOGGED_OUT, AgentState.NOT_READY, "lunch", true, now, 1, "b-1", Cause.BUTTON));

        await().atMost(PATIENCE).until(() -> "NOT_READY".equals(tile("s-012").getAttribute("data-state")));
        WebElement tile = tile("s-012");
        assertThat(tile.findElement(By.className("letter")).getText()).isEqualTo("N");
        assertThat(tile.getText()).contains("a1012").contains("Not ready · lunch").contains("HELP");
        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(browser.findElement(By.id("count-NOT_READY")).getText()).contains("1"));
    }

    @Test
    void aLostStreamShowsTheStaleBanner() {
        assertThat(browser.findElement(By.id("stale")).isDisplayed()).isFalse();

        gateway.close();
        gateway = null;

        await().atMost(PATIENCE).until(() -> browser.findElement(By.id("stale")).isDisplayed());
        assertThat(browser.findElement(By.id("link")).getText()).isEqualTo("reconnecting…");
    }
}
