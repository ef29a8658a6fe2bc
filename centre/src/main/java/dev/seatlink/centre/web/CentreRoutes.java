package dev.seatlink.centre.web;

import dev.seatlink.centre.model.CentreModel;
import dev.seatlink.centre.model.CentreView;
import dev.seatlink.link.PageScript;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The duty manager's page ({@code /}), its data ({@code /api/centre}, {@code /api/stream}) and {@code /health}.
 * Read-only, like a floor's wallboard: nothing here changes a floor. The page's files are read once from the jar.
 */
public final class CentreRoutes {
    /** How often the stream looks for changes: a floor's summary reaches the page within this. */
    static final long PUSH_CHECK_MS = 100;
    /** The page's "heard … s ago" and stale badges move even when nothing arrives. */
    static final long REFRESH_MS = 1_000;
    static final long HEARTBEAT_MS = 15_000;
    private static final Map<String, String> FILES = Map.of(
            "index.html", "text/html; charset=utf-8",
            "centre.js", "text/javascript; charset=utf-8",
            "centre.css", "text/css; charset=utf-8",
            "favicon.svg", "image/svg+xml",
            PageScript.NAME, PageScript.TYPE);

    private final CentreModel model;
    private final CentreClock clock;
    private final CentreStream stream = new CentreStream();
    private final Map<String, Buffer> files = new LinkedHashMap<>();
    private long pushedVersion = -1;
    private int pushedStale = -1;
    private long pushedAt;

    /** The centre's clock (tests pass their own). */
    public interface CentreClock {
        long millis();
    }

    public CentreRoutes(CentreModel model, CentreClock clock) {
        this.model = model;
        this.clock = clock;
        FILES.keySet().forEach(name -> files.put(name, read(name)));
    }

    public void mount(Router router) {
        router.get("/").handler(ctx -> file(ctx, "index.html"));
        FILES.keySet().forEach(name -> router.get("/" + name).handler(ctx -> file(ctx, name)));
        router.get("/api/centre").handler(ctx -> JsonReply.send(ctx, 200, model.view(clock.millis())));
        router.get("/api/stream").handler(stream::open);
        router.get("/health").handler(this::health);
    }

    /** Schedules the stream's pushes on the calling verticle's event loop. */
    public void schedule(Vertx vertx) {
        vertx.setPeriodic(PUSH_CHECK_MS, id -> pushIfChanged());
        vertx.setPeriodic(HEARTBEAT_MS, id -> stream.heartbeat());
    }

    private void pushIfChanged() {
        long now = clock.millis();
        int stale = model.staleCount(now);
        if (model.version() == pushedVersion && stale == pushedStale && now - pushedAt < REFRESH_MS) {
            return;
        }
        pushedVersion = model.version();
        pushedStale = stale;
        pushedAt = now;
        stream.send(JsonReply.write(model.view(now)));
    }

    private void health(RoutingContext ctx) {
        CentreView view = model.view(clock.millis());
        Map<String, Object> body = new LinkedHashMap<>();
        boolean up = "UP".equals(view.link());
        body.put("status", up ? "UP" : "DOWN");
        body.put("broker", view.link());
        body.put("floors", view.floors().size());
        body.put("staleFloors", view.staleFloors());
        body.put("pages", stream.size());
        body.put("refusedMessages", model.refusedMessages());
        JsonReply.send(ctx, up ? 200 : 503, body);
    }

    public void close() {
        stream.closeAll();
    }

    private void file(RoutingContext ctx, String name) {
        ctx.response().putHeader("Content-Type", FILES.get(name)).putHeader("Cache-Control", "no-cache")
                .putHeader("X-Content-Type-Options", "nosniff").end(files.get(name));
    }

    private static Buffer read(String name) {
        if (name.equals(PageScript.NAME)) {
            return Buffer.buffer(PageScript.read());
        }
        try (InputStream in = CentreRoutes.class.getResourceAsStream("/centre/" + name)) {
            if (in == null) {
                throw new IllegalStateException("/centre/" + name + " is missing from the centre's jar");
            }
            return Buffer.buffer(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
