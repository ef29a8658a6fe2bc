package dev.seatlink.gateway.web;

import dev.seatlink.link.PageScript;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The wallboard's files, read once from the gateway's own jar: nothing on the file system (a {@code webroot}
 * folder in the working directory, say) is ever served in their place, and no request path reaches a file.
 */
public final class StaticPages {
    private static final String ROOT = "/webroot/";
    private static final Map<String, String> TYPES = Map.of(
            "index.html", "text/html; charset=utf-8",
            "wallboard.js", "text/javascript; charset=utf-8",
            "wallboard.css", "text/css; charset=utf-8",
            "favicon.svg", "image/svg+xml",
            PageScript.NAME, PageScript.TYPE);

    private final Map<String, Buffer> files;

    public StaticPages() {
        files = Map.copyOf(TYPES.keySet().stream().collect(java.util.stream.Collectors.toMap(name -> name,
                StaticPages::read)));
    }

    private static Buffer read(String name) {
        if (name.equals(PageScript.NAME)) {
            return Buffer.buffer(PageScript.read());
        }
        try (InputStream in = StaticPages.class.getResourceAsStream(ROOT + name)) {
            if (in == null) {
                throw new IllegalStateException(ROOT + name + " is missing from the gateway's jar");
            }
            return Buffer.buffer(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + ROOT + name + " from the gateway's jar", e);
        }
    }

    /** Mounted last: an unknown {@code /api/} path gets a JSON 404, anything else a page or 404. */
    public void mount(Router router) {
        router.route("/api/*").handler(ctx -> Json.error(ctx, 404, "no such API: " + ctx.request().path()));
        router.get("/*").handler(this::serve);
    }

    /** Serves {@code /} and {@code /team/…} as the wallboard page, the page's files by name, 404 for the rest. */
    void serve(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        String name = path.equals("/") || path.startsWith("/team/") ? "index.html" : path.substring(1);
        Buffer body = files.get(name);
        if (body == null) {
            Json.error(ctx, 404, "no such page");
            return;
        }
        // Always the running gateway's version after an upgrade.
        ctx.response().putHeader("Content-Type", TYPES.get(name)).putHeader("Cache-Control", "no-cache").end(body);
    }
}
