package dev.seatlink.centre.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.seatlink.centre.config.CentrePlan;
import dev.seatlink.centre.model.CentreModel;
import dev.seatlink.gateway.testing.HeadlessChromium;
import dev.seatlink.protocol.FloorSummary;
import dev.seatlink.protocol.GatewayStatus;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;

/** The duty manager's page in a real browser, with the real page and routes. */
class CentrePageTest {
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    /** What the page's streams get, in turn: the first, the second, and every one after. */
    private enum Stream { SILENT, ERROR, LIVE }

    @TempDir
    Path dir;
    private final Vertx vertx = Vertx.vertx();
    private ChromeDriver browser;

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @Test
    void everyRaisedHandAlertAndGroupIsShownInItsOwnCells() throws Exception {
        Assumptions.assumeTrue(HeadlessChromium.installed(), "chromium and chromium-driver are not installed");
        CentreModel model = aFloorWithAHandAndAnAlert();
        Router router = Router.router(vertx);
        new CentreRoutes(model, System::currentTimeMillis).mount(router);

        browser = HeadlessChromium.start(dir.resolve("browser"));
        browser.get("http://127.0.0.1:" + serve(router) + "/");
        await().atMost(PATIENCE).until(() -> browser.findElements(By.cssSelector("#queue tbody tr")).size() == 2);

        List<String> hand = texts("#queue tbody tr.help td");
        assertThat(hand.get(0)).startsWith("1 min");
        assertThat(hand.subList(1, hand.size())).containsExactly("Raised hand", "First floor", "s-003", "t-1",
                "a0003");
        assertThat(browser.executeScript("return document.querySelector('#queue tbody tr.help a').href"))
                .isEqualTo("http://f1.example/");
        assertThat(texts("#queue tbody tr.alert td").subList(1, 6)).containsExactly("t-2: 0 ready, minimum 2",
                "First floor", "", "t-2", "");
        assertThat(texts("#groups table:nth-of-type(2) caption")).containsExactly("Customer tier");
        assertThat(texts("#groups table:nth-of-type(2) tbody td"))
                .containsExactly("vip", "1", "8 / 10", "3", "4", "1", "0", "1", "50 %");
        assertThat(texts("#groups table:nth-of-type(3) caption, #groups table:nth-of-type(3) tbody td"))
                .containsExactly("Skill tier", "none on any floor");
        assertThat(HeadlessChromium.consoleErrors(browser)).isEmpty();
    }

    /**
     * A link held while the page draws the centre again (with every update, at least each second) still clicks: a
     * floor's link to its wallboard, a raised hand's. Chromium drops a click whose pressed node left the page before
     * the release, and the page once drew every tile and row anew with each update.
     */
    @Test
    void aLinkHeldWhileThePageIsDrawnAgainStillClicks() throws Exception {
        Assumptions.assumeTrue(HeadlessChromium.installed(), "chromium and chromium-driver are not installed");
        Router router = Router.router(vertx);
        CentreRoutes routes = new CentreRoutes(aFloorWithAHandAndAnAlert(), System::currentTimeMillis);
        routes.mount(router);
        routes.schedule(vertx);

        browser = HeadlessChromium.start(dir.resolve("browser"));
        browser.get("http://127.0.0.1:" + serve(router) + "/");
        await().atMost(PATIENCE).until(() -> browser.findElements(By.cssSelector("#queue tbody tr")).size() == 2);
        // each link's click, kept from opening a tab
        browser.executeScript("window.clicked = []; document.addEventListener('click', (e) => {"
                + " const a = e.target.closest('a'); if (a) { e.preventDefault(); window.clicked.push(a.href); } },"
                + " true);");

        pressWhileThePageIsDrawnAgain(By.cssSelector("#floors a"));
        pressWhileThePageIsDrawnAgain(By.cssSelector("#queue tbody tr.help a"));

        assertThat(browser.executeScript("return window.clicked"))
                .isEqualTo(List.of("http://f1.example/", "http://f1.example/"));
        assertThat(HeadlessChromium.consoleErrors(browser)).isEmpty();
    }

    /**
     * The shared redraw ({@code redraw.js}) gives each item a child of its own, items of one key too (a floor's
     * summary may list an alert twice), and draws a list again into the same children.
     */
    @Test
    void theRedrawKeepsOneChildPerItemAndReusesThem() throws Exception {
        Assumptions.assumeTrue(HeadlessChromium.installed(), "chromium and chromium-driver are not installed");
        Router router = Router.router(vertx);
        new CentreRoutes(model(), System::currentTimeMillis).mount(router);
        browser = HeadlessChromium.start(dir.resolve("browser"));
        browser.get("http://127.0.0.1:" + serve(router) + "/");

        Object drawn = browser.executeScript("""
                const box = document.createElement('ul');
                const draw = (items) => drawKeyed(box, items, (i) => i.key, () => document.createElement('li'),
                    (li, i) => { li.textContent = i.text; });
                draw([{key: 'a', text: 'a1'}, {key: 'a', text: 'a2'}, {key: 'b', text: 'b'}]);
                const first = [...box.children];
                draw([{key: 'a', text: 'a1'}, {key: 'a', text: 'a2'}, {key: 'b', text: 'b!'}]);
                const again = [...box.children], againText = again.map((li) => li.textContent).join();
                draw([{key: 'b', text: 'b'}]);
                return [first.map((li) => li.textContent).join(), again.every((li, n) => li === first[n]), againText,
                    [...box.children].map((li) => li.textContent).join(), box.firstElementChild === first[2]];""");

        assertThat(drawn).isEqualTo(List.of("a1,a2,b", true, "a1,a2,b!", "b", true));
    }

    /**
     * Presses the element, holds it until the page has drawn the floors' figures again (those drawn when it was
     * pressed are marked, then gone), then lets go.
     */
    private void pressWhileThePageIsDrawnAgain(By target) {
        new Actions(browser).moveToElement(browser.findElement(target)).clickAndHold().perform();
        browser.executeScript("document.querySelector('#floors dl').dataset.before = '';");
        await().atMost(PATIENCE).until(() -> (Boolean) browser.executeScript(
                "return !document.querySelector('#floors dl[data-before]');"));
        new Actions(browser).release().perform();
    }

    /**
     * The page never shows a frozen picture as live: a stream that stays open but says nothing (a frozen centre view,
     * a half-open connection) or that a proxy answers with an error is shown as "no update since", the figures
     * dimmed, and the page connects again until the view speaks. The stream is scripted by the test.
     */
    @Test
    void aSilentOrRefusedStreamIsShownAsNoUpdateAndThePageComesBackWhenTheViewSpeaks() throws Exception {
        Assumptions.assumeTrue(HeadlessChromium.installed(), "chromium and chromium-driver are not installed");
        CentreModel model = model();
        // the page's first stream says the view once and then nothing (held open); its next is refused by a proxy
        // (after which EventSource never asks again by itself); those after it are live
        AtomicInteger streams = new AtomicInteger();
        Router router = Router.router(vertx);
        router.get("/api/stream").handler(ctx -> {
            switch (Stream.values()[Math.min(streams.getAndIncrement(), 2)]) {
                case SILENT -> {
                    event(ctx, model);
                    open(ctx).write(": and then nothing\n\n");
                }
                case ERROR -> ctx.response().setStatusCode(502).end("bad gateway");
                case LIVE -> {
                    event(ctx, model);
                    long timer = vertx.setPeriodic(500, id -> event(ctx, model));
                    ctx.response().closeHandler(v -> vertx.cancelTimer(timer));
                }
            }
        });
        new CentreRoutes(model, System::currentTimeMillis).mount(router);

        browser = HeadlessChromium.start(dir.resolve("browser"));
        browser.get("http://127.0.0.1:" + serve(router) + "/");
        await().atMost(PATIENCE).until(() -> badge().equals("cluster UP"));
        assertThat(texts("#floors h3")).singleElement().asString().startsWith("First floor");

        await().atMost(PATIENCE).until(() -> badge().startsWith("no update since "));
        assertThat(bodyClass()).contains("stale");
        await().atMost(PATIENCE).until(() -> streams.get() >= 3); // asked again after the silence, and the 502
        await().atMost(PATIENCE).until(() -> badge().equals("cluster UP"));
        assertThat(bodyClass()).doesNotContain("stale");
        browser.get("about:blank");
        assertThat(HeadlessChromium.consoleErrors(browser)).allMatch(error -> error.contains("/api/stream - "),
                "only the refused streams");
    }

    /** A centre of one floor: its primary's wallboard, a hand raised a minute ago and an alert. */
    private static CentreModel aFloorWithAHandAndAnAlert() {
        CentreModel model = model();
        long now = System.currentTimeMillis();
        model.lease("hq", "f1", GatewayStatus.primary("hq-f1-gateway-a", now, "http://f1.example/", now - 60_000), now);
        model.summary("hq", "f1", new FloorSummary(now, 20, 12, 1, Map.of("READY", 3, "BUSY", 4, "OFFLINE", 8),
                Map.of(), 70, Map.of(), 1, 12,
                Map.of("customerTier", Map.of("vip", new FloorSummary.Group(10, 8, 3, 4, 1, 0, 1, 50))),
                List.of(new FloorSummary.Help("s-003", "a0003", "t-1", "t-1", now - 65_000)),
                List.of(new FloorSummary.AlertItem("al-1", "min-ready", "t-2", null, "t-2: 0 ready, minimum 2",
                        now - 5_000)), "hq-f1-gateway-a"), now);
        return model;
    }

    /** A centre of one floor, its link up. */
    private static CentreModel model() {
        CentreModel model = new CentreModel(new CentrePlan("HQ", List.of(new CentrePlan.FloorRef("hq", "f1",
                "First floor"))));
        model.link(true);
        return model;
    }

    /** Serves the router on a free loopback port; returns the port. */
    private int serve(Router router) throws Exception {
        HttpServer server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        return server.actualPort();
    }

    /**
     * The text of every element {@code selector} finds, read in one script: the page redraws its tables on every
     * update (each second), so elements found and then read one by one may be gone in between.
     */
    private List<String> texts(String selector) {
        Object texts = browser.executeScript("return [...document.querySelectorAll(arguments[0])]"
                + ".map(e => e.textContent.trim())", selector);
        return ((List<?>) texts).stream().map(String::valueOf).toList();
    }

    /** The stream's response, its head written as the real stream's. */
    private static HttpServerResponse open(RoutingContext ctx) {
        HttpServerResponse response = ctx.response();
        if (!response.headWritten()) {
            response.setChunked(true).putHeader("Content-Type", "text/event-stream; charset=utf-8");
        }
        return response;
    }

    /** Sends the view as the real stream does. */
    private static void event(RoutingContext ctx, CentreModel model) {
        open(ctx).write("event: centre\ndata: " + JsonReply.write(model.view(System.currentTimeMillis())) + "\n\n");
    }

    private String badge() {
        return browser.findElement(By.id("link")).getText();
    }

    private String bodyClass() {
        return browser.findElement(By.tagName("body")).getAttribute("class");
    }
}
