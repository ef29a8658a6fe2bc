package dev.seatlink.gateway.web;

import dev.seatlink.gateway.access.PasswordFile;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Who is asking: HTTP Basic checked against the supervisors file (PBKDF2 hashes, as Mosquitto's). What a
 * user may do comes from the site config (floor managers and team leaders). Passwords are never logged.
 */
public final class SignIn {
    private final PasswordFile accounts;

    public SignIn(PasswordFile accounts) {
        this.accounts = accounts;
    }

    /**
     * The signed-in user, or empty after answering the request itself: 503 when no accounts are
     * configured, 401 with a challenge when the credentials are missing or wrong.
     */
    Optional<String> require(RoutingContext ctx) {
        if (accounts.isEmpty()) {
            Json.error(ctx, 503, "no supervisor accounts are configured (gateway --users-file)");
            return Optional.empty();
        }
        Optional<String> user = user(ctx);
        if (user.isEmpty()) {
            // No WWW-Authenticate challenge for the page's own requests: the browser would pop up its dialog.
            if (ctx.request().getHeader("X-Requested-With") == null) {
                ctx.response().putHeader("WWW-Authenticate", "Basic realm=\"SeatLink\", charset=\"UTF-8\"");
            }
            Json.error(ctx, 401, "sign in as a supervisor");
        } else {
            // What a signed-in user reads is theirs: no shared cache or back button keeps it.
            ctx.response().putHeader("Cache-Control", "no-store");
        }
        return user;
    }

    private Optional<String> user(RoutingContext ctx) {
        String header = ctx.request().getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        try {
            String pair = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = pair.indexOf(':');
            return colon < 0 ? Optional.empty()
                    : accounts.check(pair.substring(0, colon), pair.substring(colon + 1).toCharArray());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
