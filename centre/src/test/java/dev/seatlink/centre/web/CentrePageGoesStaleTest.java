package dev.seatlink.centre.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.seatlink.centre.config.CentrePlan;
import dev.seatlink.centre.model.CentreModel;
import dev.seatlink.gateway.testing.HeadlessChromium;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The duty manager's page never shows a frozen picture as live: a stream that stays open but says nothing (a
 * frozen centre view, a half-open connection) or that a proxy answers with an error is shown as "no update since",
 * the figures dimmed, and the page connects again until the view speaks. The real page and routes, with a stream
 * the test scripts.
 */
class CentrePageGoesStaleTest {
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
    void aSilentOrRefusedStreamIsShownAsNoUpdateAndThePageComesBackWhenTheViewSpeaks() throws Exception {
        Assumptions.assumeTrue(HeadlessChromium.installed(), "chromium and chromium-driver are not installed");
        CentreModel model = new CentreModel(new CentrePlan("HQ", List.of(new CentrePlan.FloorRef("hq", "f1",
                "First floor"))));
        model.link(true);
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
        HttpServer server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);

        browser = HeadlessChromium.start(dir.resolve("browser"));
        browser.get("http://127.0.0.1:" + server.actualPort() + "/");
        await().atMost(PATIENCE).until(() -> badge().equals("cluster UP"));
        assertThat(browser.findElement(By.cssSelector("#floors h3")).getText()).startsWith("First floor");

        await().atMost(PATIENCE).until(() -> badge().startsWith("no update since "));
        assertThat(bodyClass()).contains("stale");
        await().atMost(PATIENCE).until(() -> streams.get() >= 3); // asked again after the silence, and the 502
        await().atMost(PATIENCE).until(() -> badge().equals("cluster UP"));
        assertThat(bodyClass()).doesNotContain("stale");
        browser.get("about:blank");
        assertThat(HeadlessChromium.consoleErrors(browser)).allMatch(error -> error.contains("/api/stream - "),
                "only the refused streams");
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
