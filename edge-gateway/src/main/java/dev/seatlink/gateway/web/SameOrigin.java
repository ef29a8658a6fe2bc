package dev.seatlink.gateway.web;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * Refuses a state-changing request that another site's page could make with the browser's stored Basic
 * credentials (cross-site request forgery): it must be JSON, which a plain HTML form cannot send without a
 * CORS preflight this gateway never grants, and must not come from another origin by the browser's own
 * {@code Sec-Fetch-Site} and {@code Origin} headers. Scripts and tools that send neither header pass.
 */
public final class SameOrigin {
    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);
    private static final Set<String> SAME_SITE_FETCHES = Set.of("same-origin", "none");

    private SameOrigin() {
    }

    /** Puts the check in front of every route: mount it before the routes. */
    public static void guard(Router router) {
        router.route().handler(SameOrigin::check);
    }

    private static void check(RoutingContext ctx) {
        if (SAFE.contains(ctx.request().method())) {
            ctx.next();
            return;
        }
        String fetchSite = ctx.request().getHeader("Sec-Fetch-Site");
        if (fetchSite != null && !SAME_SITE_FETCHES.contains(fetchSite.toLowerCase(Locale.ROOT))) {
            Json.error(ctx, 403, "refused: a request from another site (Sec-Fetch-Site: " + fetchSite + ")");
            return;
        }
        String origin = ctx.request().getHeader("Origin");
        if (origin != null && !sameOrigin(origin, ctx.request().authority(), ctx.request().scheme())) {
            Json.error(ctx, 403, "refused: a request from another origin");
            return;
        }
        String type = ctx.request().getHeader("Content-Type");
        // a DELETE has no body, and no page can send one to another origin without a preflight
        if (ctx.request().method() != HttpMethod.DELETE && (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json"))) {
            Json.error(ctx, 415, "send the body as Content-Type: application/json");
            return;
        }
        ctx.next();
    }

    /** Whether the page's origin is this server as the request addressed it (HTTP/1.1 Host or HTTP/2 authority). */
    private static boolean sameOrigin(String origin, HostAndPort authority, String scheme) {
        if (authority == null) {
            return false;
        }
        try {
            URI uri = URI.create(origin);
            if (uri.getHost() == null || !uri.getHost().equalsIgnoreCase(authority.host())) {
                return false;
            }
            return port(uri.getPort(), uri.getScheme()) == port(authority.port(), scheme);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static int port(int given, String scheme) {
        return given >= 0 ? given : "https".equalsIgnoreCase(scheme) ? 443 : 80;
    }
}
