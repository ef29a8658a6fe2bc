package dev.seatlink.gateway.web;

import dev.seatlink.gateway.testing.TestCredentials;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.seatlink.gateway.Gateway;
import dev.seatlink.gateway.GatewayConfig;
import dev.seatlink.gateway.access.CredentialFiles;
import dev.seatlink.gateway.site.SiteConfigLoader;
import dev.seatlink.gateway.testing.FreezingProxy;
import dev.seatlink.gateway.testing.HeadlessChromium;
import dev.seatlink.gateway.testing.MqttProbe;
import dev.seatlink.protocol.AgentState;
import dev.seatlink.protocol.CallEventType;
import dev.seatlink.protocol.Cause;
import dev.seatlink.protocol.CtiEvent;
import dev.seatlink.protocol.Pending;
import dev.seatlink.protocol.SeatEvent;
import dev.seatlink.protocol.SeatStatus;
import dev.seatlink.protocol.Topic;
import dev.seatlink.terminal.TerminalAgent;
import dev.seatlink.terminal.TerminalConfig;
import dev.seatlink.terminal.display.Display;
import dev.seatlink.terminal.seat.Clock;
import dev.seatlink.terminal.seat.Key;
import dev.seatlink.terminal.simulate.SimulatedHardware;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;

/**
 * The wallboard in a real (headless) browser: the floor plan, live changes, team tiles and the pivot,
 * the help queue, the team leader's view, acting on a seat, the stale banner. The last screenshot of
 * the full floor is saved as {@code target/wallboard.png}.
 */
class WallboardShowsSeatsLiveTest {
    private static final Duration PATIENCE = Duration.ofSeconds(15);
    /**
     * Tags the test that waits for a command to go unanswered: its gateway gives up after 1 s, the others' wait the
     * default 10 s, so a seat answering late on a busy machine is never taken for one that does not answer.
     */
    private static final String UNANSWERED = "unanswered";
    /** A test whose floor is one long row of seats. */
    private static final String WIDE = "wide";
    /**
     * How long a change may take to show. The promise (within 2 s) is measured by {@code tools/seatlink bench wallboard},
     * not here: a test JVM beside a full build waited more than 2 s for a redraw, and failed a page that was right.
     */
    private static final Duration ON_THE_PAGE = PATIENCE;

    @TempDir
    Path dir;

    /**
     * One browser for the class (its start is seconds on two cores): each test's gateway is a new origin, so nothing
     * a page keeps (the sign-in is in its session storage) carries over to the next test.
     */
    private static ChromeDriver browser;
    private Gateway gateway;
    private MqttProbe seat;
    private String leaderPassword;
    private final java.util.Map<String, Long> seqs = new java.util.HashMap<>();

    @BeforeAll
    static void startTheBrowser(@TempDir Path profile) {
        if (!HeadlessChromium.installed()) {
            System.err.println("SKIPPED: chromium/chromium-driver not installed (apt-get install chromium chromium-driver)");
        }
        Assumptions.assumeTrue(HeadlessChromium.installed(), "chromium and chromium-driver are not installed");
        browser = HeadlessChromium.start(profile);
    }

    @AfterAll
    static void quitTheBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void openTheWallboard(TestInfo test) throws Exception {
        CredentialFiles secrets = new CredentialFiles(dir.resolve("secrets"), TestCredentials.BCRYPT_COST);
        secrets.supervisor("tl-anna"); // leads billing-1 (s-001..s-008) in the demo site
        for (String user : java.util.List.of("tl-ben", "qa-kim", "dm-eve")) { // vip-care's leader, quality, duty
            secrets.supervisor(user);
        }
        leaderPassword = Files.readAllLines(dir.resolve("secrets/supervisors/tl-anna.credentials")).get(1).substring(9);
        Files.createDirectories(dir.resolve("gateway")); // two agents with a name in the directory (agents.json)
        Files.writeString(dir.resolve("gateway/agents.json"), "[{\"id\":\"a1005\",\"name\":\"Eve Adams\","
                + "\"team\":\"billing-1\",\"skill\":\"regular\",\"badge\":null,\"active\":true},"
                + "{\"id\":\"a1022\",\"name\":\"Wen Zhao\",\"team\":\"tech-experts\",\"skill\":\"expert\","
                + "\"badge\":null,\"active\":true}]");
        int commandTimeoutS = test.getTags().contains(UNANSWERED) ? 1 : GatewayConfig.DEFAULT_COMMAND_TIMEOUT_S;
        gateway = Gateway.start(GatewayConfig.builder().httpPort(0).mqttPort(0).dataDir(dir.resolve("gateway"))
                .usersFile(dir.resolve("secrets/supervisors.passwd")).commandTimeoutS(commandTimeoutS)
                .siteFile(test.getTags().contains(WIDE) ? demoSiteInOneLongRow() : null).build());
        seat = MqttProbe.seatsOf(gateway);
        open("");
    }

    /** The demo floor's seats in one row, two empty places between each: 70 seats' width on the screen. */
    private Path demoSiteInOneLongRow() throws Exception {
        ObjectMapper json = new ObjectMapper();
        JsonNode site;
        try (InputStream demo = SiteConfigLoader.class.getResourceAsStream(SiteConfigLoader.DEMO_RESOURCE)) {
            site = json.readTree(demo);
        }
        int i = 0;
        for (JsonNode seat : site.get("seats")) {
            ((ObjectNode) seat).put("x", 3 * i++).put("y", 0);
        }
        Path file = dir.resolve("wide-site.json");
        json.writeValue(file.toFile(), site);
        return file;
    }

    private void open(String path) {
        browser.get(gateway.wallboardUrl() + path);
        await().atMost(PATIENCE).until(() -> !browser.findElements(By.cssSelector("article.seat")).isEmpty()
                && "live".equals(browser.findElement(By.id("link")).getText()));
    }

    @AfterEach
    void close() throws Exception {
        browser.get("about:blank"); // before its gateway stops: the page's lost stream is not the next test's error
        HeadlessChromium.consoleErrors(browser); // read, so the next test sees only its own page's
        if (seat != null) {
            seat.close();
        }
        if (gateway != null) {
            gateway.close();
        }
    }

    /** Asserts on elements that may be redrawn meanwhile, looking them up again until it holds. */
    private static void onThePage(org.awaitility.core.ThrowingRunnable check) {
        await().atMost(ON_THE_PAGE).ignoreExceptionsInstanceOf(StaleElementReferenceException.class).untilAsserted(check);
    }

    private WebElement tile(String id) {
        return browser.findElement(By.id("seat-" + id));
    }

    /**
     * Clicks the tile once and waits for its seat's dialog. No second click: once, with three test JVMs busy, a click
     * opened nothing, which a page drawing every tile's lines anew each second did to any click held across a redraw
     * ({@link #aClickHeldWhileThePageIsDrawnAgainStillClicks}).
     */
    private void openSeatDialog(String id) {
        tile(id).click();
        await().atMost(ON_THE_PAGE).until(this::seatDialogOpen);
    }

    private boolean seatDialogOpen() {
        return browser.findElement(By.id("seat-dialog")).getAttribute("open") != null;
    }

    private void move(String seatId, String agent, AgentState to, String reason, boolean help) throws Exception {
        long now = System.currentTimeMillis();
        seat.publish(Topic.seat("hq", "f1", seatId, Topic.Kind.STATUS), SeatStatus.online("b-" + seatId, "test", now));
        seat.publish(Topic.seat("hq", "f1", seatId, Topic.Kind.EVENT), new SeatEvent(seatId, agent,
                AgentState.LOGGED_OUT, to, reason, help, now, seqs.merge(seatId, 1L, Long::sum), "b-" + seatId,
                Cause.BUTTON));
    }

    @Test
    void theFloorLoadsWithoutConsoleErrorsAndPivotsItsTiles() throws Exception {
        assertThat(browser.findElements(By.cssSelector("article.seat"))).hasSize(24);
        assertThat(tile("s-001").getAttribute("data-state")).isEqualTo("OFFLINE");
        onThePage(() -> assertThat(tile("s-001").findElement(By.className("letter")).getText()).isEqualTo("X"));
        // Counts and group tiles are redrawn with every second's figures: one found just before a redraw goes stale.
        await().atMost(Duration.ofSeconds(5)).ignoreExceptionsInstanceOf(StaleElementReferenceException.class)
                .untilAsserted(() -> assertThat(browser.findElement(By.id("count-OFFLINE")).getText()).contains("24"));
        assertThat(browser.findElements(By.cssSelector("#group-tiles .group"))).hasSize(4);
        // a TV's tile is narrower than a full name: it takes two lines, whole, rather than "Eve …"
        onThePage(() -> assertThat(browser.executeScript("const a = document.querySelector('#seat-s-005 .agent');"
                + " return [a.textContent, a.scrollWidth <= a.clientWidth && a.scrollHeight <= a.clientHeight];"))
                .isEqualTo(java.util.List.of("Eve Adams", true)));
        assertThat(browser.findElement(By.id("gateway-role")).isDisplayed()).as("a floor's only gateway has no role to show")
                .isFalse();
        await().atMost(Duration.ofSeconds(5)).ignoreExceptionsInstanceOf(StaleElementReferenceException.class)
                .untilAsserted(() -> assertThat(browser.findElement(By.id("group-team-vip-care")).getText())
                        .contains("VIP Care"));

        browser.findElement(By.cssSelector("#pivot button[data-grouping='customerTier']")).click();

        assertThat(browser.findElement(By.id("groups-title")).getText()).isEqualTo("Customer tiers");
        await().atMost(Duration.ofSeconds(5)).ignoreExceptionsInstanceOf(StaleElementReferenceException.class)
                .untilAsserted(() -> assertThat(browser.findElements(By.cssSelector("#group-tiles .group")))
                        .extracting(WebElement::getText)
                        .anySatisfy(text -> assertThat(text).startsWith("vip"))
                        .anySatisfy(text -> assertThat(text).startsWith("standard")));

        browser.findElement(By.cssSelector("#pivot button[data-grouping='team']")).click();
        move("s-005", "a1005", AgentState.READY, null, false); // billing-1's only seat in a state: its longest
        await().atMost(Duration.ofSeconds(5)).ignoreExceptionsInstanceOf(StaleElementReferenceException.class)
                .untilAsserted(() -> assertThat(browser.findElement(By.id("group-team-billing-1")).getText())
                        .as("the longest in state named by the agent's name").contains("(Eve Adams)"));
        assertThat(HeadlessChromium.consoleErrors(browser)).isEmpty();
    }

    @Test
    void aSeatChangedOverMqttShowsOnItsTileAndARaisedHandJoinsTheHelpQueue() throws Exception {
        move("s-012", "a1012", AgentState.NOT_READY, "lunch", false);

        await().atMost(ON_THE_PAGE).until(() -> "NOT_READY".equals(tile("s-012").getAttribute("data-state")));
        onThePage(() -> {
            assertThat(tile("s-012").findElement(By.className("letter")).getText()).isEqualTo("N");
            assertThat(tile("s-012").getText()).contains("a1012").contains("Not ready · lunch");
        });

        move("s-017", "a1017", AgentState.READY, null, true); // tech-support: help goes to the tech-experts queue

        await().atMost(ON_THE_PAGE).until(() -> !browser.findElements(By.id("help-s-017")).isEmpty());
        onThePage(() -> {
            assertThat(browser.findElement(By.id("help-s-017")).getText()).contains("s-017 a1017")
                    .contains("Tech Support → Tech Experts queue").contains("tl-dev")
                    .as("who may take it, by name where the directory has one").contains("Wen Zhao")
                    .doesNotContain("a1022");
            assertThat(tile("s-017").getText()).contains("HELP");
        });
        await().atMost(PATIENCE).ignoreExceptionsInstanceOf(StaleElementReferenceException.class).untilAsserted(() ->
                assertThat(browser.findElement(By.id("count-NOT_READY")).getText()).contains("1"));
        populateTheFloorAndSaveAScreenshot();
        assertThat(HeadlessChromium.consoleErrors(browser)).isEmpty();
    }

    private void populateTheFloorAndSaveAScreenshot() throws Exception {
        AgentState[] mix = {AgentState.READY, AgentState.BUSY, AgentState.BUSY, AgentState.WRAP_UP, AgentState.BUSY};
        for (int i = 1; i <= 16; i++) {
            String id = String.format("s-%03d", i);
            if (!id.equals("s-012")) {
                move(id, String.format("a1%03d", i), mix[i % mix.length], null, false);
            }
        }
        move("s-020", "a1020", AgentState.NOT_READY, "break", false);
        await().atMost(PATIENCE).until(() -> "BUSY".equals(tile("s-002").getAttribute("data-state")));
        Thread.sleep(1_500); // one kpis tick, so team tiles and occupancy show the new picture
        HeadlessChromium.screenshot(browser, Path.of("target", "wallboard.png"));
    }

    @Test
    void theTeamLeadersViewShowsTheirTeamAndItsAgentsThisShift() throws Exception {
        move("s-003", "a1003", AgentState.READY, null, false);
        move("s-005", "a1005", AgentState.BUSY, null, false); // the one billing agent the directory names
        move("s-010", "a1010", AgentState.BUSY, null, false);

        open("team/billing-1");

        assertThat(browser.findElements(By.cssSelector("article.seat"))).hasSize(8);
        assertThat(browser.findElement(By.id("view-name")).getText()).contains("Billing 1");
        // each agent's figures are not for the floor network: the page asks for a sign-in first
        await().atMost(PATIENCE).until(() -> browser.findElement(By.id("agents-note")).getText().contains("Sign in"));
        assertThat(browser.findElements(By.id("agent-a1003"))).isEmpty();
        browser.findElement(By.id("sign-in")).click();
        browser.findElement(By.id("signin-user")).sendKeys("tl-anna");
        browser.findElement(By.id("signin-password")).sendKeys(leaderPassword);
        browser.findElement(By.id("signin-ok")).click();
        await().atMost(PATIENCE).until(() -> !browser.findElements(By.id("agent-a1003")).isEmpty());
        await().atMost(PATIENCE).until(() -> !browser.findElements(By.id("agent-a1005")).isEmpty());
        onThePage(() -> { // the table is drawn again every 5 s: a row found just before goes stale
            assertThat(browser.findElement(By.id("agent-a1003")).getText()).contains("s-003").contains("Ready");
            assertThat(browser.findElement(By.id("agent-a1005")).getText()).startsWith("Eve Adams s-005");
        });
        assertThat(browser.findElements(By.id("agent-a1010"))).isEmpty();
        await().atMost(PATIENCE).until(() -> !browser.findElements(By.cssSelector("#staffing td")).isEmpty());

        browser.findElement(By.id("sign-in")).click(); // signs out: the figures leave the page, not only the view

        await().atMost(PATIENCE).until(() -> browser.findElement(By.id("agents-note")).getText().contains("Sign in"));
        assertThat(browser.findElement(By.id("team-figures")).isDisplayed()).isFalse();
        assertThat(browser.findElements(By.cssSelector("#team-figures td"))).isEmpty();
        assertThat(HeadlessChromium.consoleErrors(browser)).isEmpty();
    }

    @Test
    void aSignedInTeamLeaderForcesASeatNotReadyAndSeesTheSeatConfirmIt() throws Exception {
        Properties props = TerminalConfig.defaults();
        props.setProperty("seat", "s-008");
        props.setProperty("broker", gateway.brokerUrl());
        props.setProperty("dataDir", dir.resolve("s-008").toString());
        SimulatedHardware hardware = new SimulatedHardware();
        try (TerminalAgent terminal = hardware.newAgent(TerminalConfig.from(props, "test"), Clock.system(), Display.NONE)) {
            terminal.start();
            await().atMost(PATIENCE).until(() -> "LOGGED_OUT".equals(tile("s-008").getAttribute("data-state")));
            hardware.press(Key.READY);
            await().atMost(PATIENCE).until(() -> "READY".equals(tile("s-008").getAttribute("data-state")));

            browser.findElement(By.id("sign-in")).click();
            browser.findElement(By.id("signin-user")).sendKeys("tl-anna");
            browser.findElement(By.id("signin-password")).sendKeys(leaderPassword);
            browser.findElement(By.id("signin-ok")).click();
            await().atMost(PATIENCE).until(() -> browser.findElement(By.id("sign-in")).getText().startsWith("tl-anna"));
            openSeatDialog("s-008");
            browser.findElement(By.id("act-not-ready")).click();

            await().atMost(PATIENCE).until(() -> browser.findElement(By.id("action-status")).getText().contains("Done"));
            await().atMost(ON_THE_PAGE).until(() -> tile("s-008").getText().contains("supervisor"));
            // the open dialog follows its seat: the new state, then a hand raised meanwhile, which it lets them take
            await().atMost(ON_THE_PAGE).until(() -> browser.findElement(By.id("seat-summary")).getText()
                    .contains("Not ready · supervisor"));
            assertThat(browser.findElement(By.id("act-ack-help")).isEnabled()).isFalse();
            hardware.press(Key.HELP);
            await().atMost(ON_THE_PAGE).until(() -> browser.findElement(By.id("seat-summary")).getText()
                    .contains("help raised") && browser.findElement(By.id("act-ack-help")).isEnabled());
        }
        assertThat(HeadlessChromium.consoleErrors(browser)).isEmpty();
    }

    @Test
    @Tag(UNANSWERED)
    void aCommandNoSeatAnswersSaysSoInsteadOfWaitingForever() throws Exception {
        signInAs("tl-anna");
        openSeatDialog("s-001"); // no terminal there: it never answers

        browser.findElement(By.id("act-logout")).click();

        await().atMost(PATIENCE).until(() -> browser.findElement(By.id("action-status")).getText()
                .contains("No answer from the seat"));
        assertThat(HeadlessChromium.consoleErrors(browser)).isEmpty();
    }

    private void signInAs(String user) throws Exception {
        String password = Files.readAllLines(dir.resolve("secrets/supervisors/" + user + ".credentials")).get(1)
                .substring(9);
        if (browser.findElement(By.id("sign-in")).getText().contains("sign out")) {
            browser.findElement(By.id("sign-in")).click();
        }
        browser.findElement(By.id("sign-in")).click();
        browser.findElement(By.id("signin-user")).clear();
        browser.findElement(By.id("signin-user")).sendKeys(user);
        browser.findElement(By.id("signin-password")).clear();
        browser.findElement(By.id("signin-password")).sendKeys(password);
        browser.findElement(By.id("signin-ok")).click();
        await().atMost(PATIENCE).until(() -> browser.findElement(By.id("sign-in")).getText().startsWith(user));
    }

    /** The seat dialog's buttons and form a user can see on this seat, and whether the help queue offers Take. */
    private java.util.List<String> buttonsOn(String seatId) {
        openSeatDialog(seatId);
        java.util.List<String> shown = new java.util.ArrayList<>();
        for (String id : java.util.List.of("act-ack-help", "act-not-ready", "act-logout", "message-form",
                "move-form")) {
            if (browser.findElement(By.id(id)).isDisplayed()) {
                shown.add(id);
            }
        }
        browser.findElement(By.id("seat-close")).click();
        await().atMost(ON_THE_PAGE).until(() -> !seatDialogOpen());
        if (!browser.findElements(By.cssSelector("#help-" + seatId + " button")).isEmpty()) {
            shown.add("take");
        }
        return shown;
    }

    @Test
    void eachRoleSeesExactlyTheButtonsItMayUseAndTheDutyManagersWork() throws Exception {
        move("s-001", "a1001", AgentState.READY, null, true); // billing-1, hand raised
        await().atMost(PATIENCE).until(() -> !browser.findElements(By.id("help-s-001")).isEmpty());
        java.util.List<String> leader = java.util.List.of("act-ack-help", "act-not-ready", "act-logout",
                "message-form", "take");

        signInAs("qa-kim"); // quality: looks, does not act
        assertThat(buttonsOn("s-001")).isEmpty();
        signInAs("tl-ben"); // leads vip-care, not billing-1
        assertThat(buttonsOn("s-001")).isEmpty();
        assertThat(buttonsOn("s-009")).containsExactly("act-ack-help", "act-not-ready", "act-logout", "message-form");
        signInAs("tl-anna"); // leads billing-1
        assertThat(buttonsOn("s-001")).isEqualTo(leader);
        signInAs("dm-eve"); // the duty manager: every seat, and moves
        assertThat(buttonsOn("s-001")).containsExactly("act-ack-help", "act-not-ready", "act-logout", "message-form",
                "move-form", "take");

        openSeatDialog("s-001");
        browser.findElement(By.id("message-text")).sendKeys("huddle at 10");
        browser.findElement(By.id("act-message")).click();
        await().atMost(PATIENCE).until(() -> browser.findElement(By.id("action-status")).getText()
                .contains("waiting for seat s-001"));
        assertThat(HeadlessChromium.consoleErrors(browser)).isEmpty();
    }

    /**
     * A click held while the page draws itself again (with the floor's figures, each second) still clicks: on a tile,
     * on a raised hand's Take button, on a team's link. Chromium drops a click whose pressed node left the page before
     * the release, and the page once drew every tile's lines, the help queue and the group tiles anew each second.
     */
    @Test
    void aClickHeldWhileThePageIsDrawnAgainStillClicks() throws Exception {
        move("s-001", "a1001", AgentState.READY, null, true); // billing-1, hand raised
        signInAs("tl-anna"); // leads billing-1: may take its hands
        await().atMost(PATIENCE).until(() -> !browser.findElements(By.cssSelector("#help-s-001 button")).isEmpty());

        pressWhileThePageIsDrawnAgain(By.cssSelector("#seat-s-005 .agent"));
        assertThat(seatDialogOpen()).as("the tile's click opened its seat").isTrue();
        assertThat(browser.findElement(By.id("seat-title")).getText()).startsWith("s-005");
        browser.findElement(By.id("seat-close")).click();
        pressWhileThePageIsDrawnAgain(By.cssSelector("#help-s-001 button"));
        assertThat(seatDialogOpen()).as("Take opened the hand's seat").isTrue();
        assertThat(browser.findElement(By.id("seat-title")).getText()).startsWith("s-001");
        browser.findElement(By.id("seat-close")).click();
        // the link's click, kept from leaving the page
        browser.executeScript("window.clicked = []; document.addEventListener('click', (e) => {"
                + " const a = e.target.closest('a'); if (a) { e.preventDefault(); window.clicked.push(a.pathname); } },"
                + " true);");
        pressWhileThePageIsDrawnAgain(By.cssSelector("#group-team-billing-1 h3 a"));
        assertThat(browser.executeScript("return window.clicked")).isEqualTo(java.util.List.of("/team/billing-1"));
        assertThat(HeadlessChromium.consoleErrors(browser)).isEmpty();
    }

    /**
     * Presses the element, holds it until the page has drawn its group tiles' figures again (those drawn when it was
     * pressed are marked, then gone), then lets go.
     */
    private void pressWhileThePageIsDrawnAgain(By target) {
        new Actions(browser).moveToElement(browser.findElement(target)).clickAndHold().perform();
        browser.executeScript("document.querySelectorAll('#group-tiles .facts')"
                + ".forEach((figures) => { figures.dataset.before = ''; });");
        await().atMost(PATIENCE).until(() -> (Boolean) browser.executeScript(
                "return !document.querySelector('#group-tiles .facts[data-before]');"));
        new Actions(browser).release().perform();
    }

    @Test
    void theDutyManagerWritesALogEntryAndReadsItInTheHandover() throws Exception {
        signInAs("tl-anna");
        assertThat(browser.findElement(By.id("shift-open")).isDisplayed()).as("no duty log for a team leader").isFalse();
        signInAs("dm-eve");
        browser.findElement(By.id("shift-open")).click();
        browser.findElement(By.id("log-text")).sendKeys("Row 3 headsets replaced");
        browser.findElement(By.id("log-open")).click();
        browser.findElement(By.id("log-write")).click();
        await().atMost(PATIENCE).until(() -> browser.findElement(By.id("log-lines")).getText()
                .contains("incident (open): Row 3 headsets replaced"));

        browser.findElement(By.id("handover-current")).click();
        await().atMost(PATIENCE).until(() -> browser.findElement(By.id("handover-frame")).isDisplayed());
        browser.switchTo().frame(browser.findElement(By.id("handover-frame")));
        await().atMost(PATIENCE).until(() -> browser.findElement(By.tagName("body")).getText()
                .contains("Row 3 headsets replaced"));
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("Open items for the next shift");
        browser.switchTo().defaultContent();
        assertThat(HeadlessChromium.consoleErrors(browser)).isEmpty();
    }

    @Test
    void aPendingBreakAndThePhoneSystemsCallsShowOnTheTileAndInTheCallsFigure() throws Exception {
        long now = System.currentTimeMillis();
        seat.publish(Topic.seat("hq", "f1", "s-005", Topic.Kind.STATUS), SeatStatus.online("b-s-005", "test", now));
        seat.publish(Topic.seat("hq", "f1", "s-005", Topic.Kind.EVENT), new SeatEvent("s-005", "a1005",
                AgentState.READY, AgentState.BUSY, null, false, now, 1, "b-s-005", Cause.BUTTON,
                Pending.notReady("break")));
        seqs.put("s-005", 1L);
        Topic cti = Topic.floor("hq", "f1", Topic.Kind.CTI);
        // first a call that rings out at s-006: the floor's figure and the seat's tile say so, once each
        seat.publish(Topic.seat("hq", "f1", "s-006", Topic.Kind.STATUS), SeatStatus.online("b-s-006", "test", now));
        move("s-006", "a1006", AgentState.READY, null, false);
        seat.publish(cti, new CtiEvent("e3", CallEventType.CALL_OFFERED, "PJSIP/1006", "c2", now, null));
        seat.publish(cti, new CtiEvent("e4", CallEventType.CALL_MISSED, "PJSIP/1006", "c2", now, null));
        await().atMost(PATIENCE).ignoreExceptionsInstanceOf(StaleElementReferenceException.class)
                .untilAsserted(() -> {
                    assertThat(browser.findElement(By.id("calls")).getText()).isEqualTo("Calls 1 rung out");
                    assertThat(tile("s-006").getText()).contains("1 rung out").doesNotContain("AHT");
                });

        seat.publish(cti, new CtiEvent("e1", CallEventType.CALL_ANSWERED, "PJSIP/1005", "c1", now, null, 6_000L));
        seat.publish(cti, new CtiEvent("e2", CallEventType.CALL_ENDED, "PJSIP/1005", "c1", now, null));

        await().atMost(ON_THE_PAGE).until(() -> tile("s-005").getText().contains("Next: break"));
        assertThat(tile("s-005").getText()).as("the agent by name").contains("Eve Adams");
        await().atMost(PATIENCE).ignoreExceptionsInstanceOf(StaleElementReferenceException.class)
                .untilAsserted(() -> assertThat(browser.findElement(By.id("calls")).getText())
                        .contains("1 call").contains("AHT").contains("ASA 00:06").endsWith("· 1 rung out"));
        move("s-005", "a1005", AgentState.WRAP_UP, null, false); // a redraw of the tile shows its calls
        await().atMost(PATIENCE).ignoreExceptionsInstanceOf(StaleElementReferenceException.class)
                .untilAsserted(() -> assertThat(tile("s-005").getText()).contains("1 call · AHT"));
        move("s-005", "a1005", AgentState.WRAP_UP, null, true); // a raised hand covers none of the tile's lines
        String covered = """
                const tile = document.getElementById('seat-s-005'), hand = tile.querySelector('.hand');
                if (!hand) return ['no hand'];
                const h = hand.getBoundingClientRect();
                return [...tile.querySelectorAll('.agent, .what, .time, .team, .next, .calls')].filter((e) => {
                  const r = e.getBoundingClientRect();
                  return r.width > 0 && r.left < h.right && h.left < r.right && r.top < h.bottom && h.top < r.bottom;
                }).map((e) => e.className);""";
        onThePage(() -> assertThat((java.util.List<?>) browser.executeScript(covered)).isEmpty());

        assertThat(HeadlessChromium.consoleErrors(browser)).isEmpty();
    }

    /**
     * A floor far wider than the screen's words (a long row of seats on one TV): each tile shows its colour, a raised
     * hand its ring, and nothing of a tile spills over its neighbours or the help queue beside the plan.
     */
    @Test
    void noTileShowsATimeCutShortOnATvOrASmallWindowNotEvenAnHourLongOne() throws Exception {
        long now = System.currentTimeMillis();
        long hourAgo = now - Duration.ofMinutes(70).toMillis(); // the longest time text: "1:10:00"
        seat.publish(Topic.seat("hq", "f1", "s-001", Topic.Kind.STATUS), SeatStatus.online("b-s-001", "test", now));
        seat.publish(Topic.seat("hq", "f1", "s-001", Topic.Kind.EVENT), new SeatEvent("s-001", "a1001",
                AgentState.LOGGED_OUT, AgentState.NOT_READY, "training", false, hourAgo, 1, "b-s-001", Cause.BUTTON));
        move("s-002", "a1002", AgentState.READY, null, false);
        String cutShort = """
                return [...document.querySelectorAll('.seat .time')]
                  .filter((t) => t.offsetParent !== null && t.scrollWidth > t.clientWidth)
                  .map((t) => t.closest('.seat').id + ' ' + t.textContent);""";
        onThePage(() -> assertThat(tile("s-001").findElement(By.className("time")).getText()).startsWith("1:10:"));
        onThePage(() -> assertThat((java.util.List<?>) browser.executeScript(cutShort)).as("at 1920 × 1080").isEmpty());

        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 720));
        try {
            await().atMost(ON_THE_PAGE).until(() -> browser.findElement(By.id("plan")).getAttribute("class")
                    .contains("dense"));
            onThePage(() -> assertThat((java.util.List<?>) browser.executeScript(cutShort)).as("at 1280 × 720")
                    .isEmpty());
            onThePage(() -> assertThat(tile("s-001").findElement(By.className("time")).isDisplayed()).isTrue());
        } finally {
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(1920, 1080));
        }
        assertThat(HeadlessChromium.consoleErrors(browser)).isEmpty();
    }

    @Test
    @Tag(WIDE)
    void aFloorTooWideForWordsShowsItsSeatsAsColoursAndSpillsNothingOverTheHelpQueue() throws Exception {
        move("s-024", "a1024", AgentState.READY, null, true);
        onThePage(() -> assertThat(tile("s-024").getAttribute("class")).contains("help", "s-READY"));
        // what is drawn, point by point, in the 4 rem right of the plan (its gap and the help queue's edge)
        Object spilling = browser.executeScript("""
                const plan = document.getElementById('plan'), box = plan.getBoundingClientRect(), drawn = [];
                for (let x = box.right + 1; x < box.right + 64; x += 3) {
                  for (let y = box.top; y < box.bottom; y += 3) {
                    const hit = document.elementFromPoint(x, y);
                    if (hit && plan.contains(hit)) { drawn.push(hit.className + ' at ' + x + ',' + y); }
                  }
                }
                return drawn.slice(0, 5);""");
        assertThat((java.util.List<?>) spilling).as("the plan drawn beyond its right edge").isEmpty();
        onThePage(() -> assertThat(tile("s-024").findElement(By.className("agent")).isDisplayed()).isFalse());
        assertThat(HeadlessChromium.consoleErrors(browser)).isEmpty();
    }

    /** One test for both ways a stream is lost (each test's gateway is seconds to start on two cores). */
    @Test
    void aStreamGoneSilentOrLostShowsTheStaleBannerAndASilentOneIsMadeAgain() throws Exception {
        try (FreezingProxy proxy = FreezingProxy.to(gateway.httpPort())) {
            browser.get("http://127.0.0.1:" + proxy.port() + "/");
            await().atMost(PATIENCE).until(() -> "live".equals(browser.findElement(By.id("link")).getText()));
            assertThat(browser.findElement(By.id("stale")).isDisplayed()).isFalse();

            proxy.freeze(); // the stream stays open and says nothing more: no error tells the page
            await().atMost(PATIENCE).until(() -> browser.findElement(By.id("stale")).isDisplayed());
            assertThat(browser.findElement(By.id("link")).getText()).isEqualTo("reconnecting…");

            proxy.cutFrozen(); // the page's new stream, on a new connection, is live again
            await().atMost(PATIENCE).until(() -> "live".equals(browser.findElement(By.id("link")).getText())
                    && !browser.findElement(By.id("stale")).isDisplayed());

            gateway.close(); // lost outright
            gateway = null;
            await().atMost(PATIENCE).until(() -> browser.findElement(By.id("stale")).isDisplayed());
            assertThat(browser.findElement(By.id("link")).getText()).isEqualTo("reconnecting…");
            browser.get("about:blank");
        }
    }
}
