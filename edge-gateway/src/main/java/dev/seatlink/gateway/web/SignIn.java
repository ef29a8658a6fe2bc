package dev.seatlink.gateway.web;

import dev.seatlink.gateway.access.PasswordFile;
import dev.seatlink.gateway.floor.FloorClock;
import dev.seatlink.protocol.Ids;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.tinylog.Logger;

/**
 * Who is asking: HTTP Basic checked against the supervisors file (PBKDF2 hashes, as Mosquitto's). What a
 * user may do comes from the site config (floor managers and team leaders). Passwords are never logged.
 */
public final class SignIn {
    private final PasswordFile accounts;
    private final FloorClock clock;
    private final SignInGuard guard = new SignInGuard();
    private final RecentSignIns recent = new RecentSignIns();

    public SignIn(PasswordFile accounts, FloorClock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    /**
     * The signed-in user, or empty after answering the request itself: 503 when no accounts are
     * configured, 401 with a challenge when the credentials are missing or wrong, 429 after too many wrong
     * ones for the account or from the address ({@link SignInGuard}). Failed sign-ins are logged.
     */
    Optional<String> require(RoutingContext ctx) {
        if (accounts.isEmpty()) {
            Json.error(ctx, 503, "no supervisor accounts are configured (gateway --users-file)");
            return Optional.empty();
        }
        Optional<Credentials> given = credentials(ctx);
        Optional<String> user = Optional.empty();
        if (given.isPresent()) {
            String address = ctx.request().remoteAddress() == null ? "?" : ctx.request().remoteAddress().hostAddress();
            long now = clock.millis();
            long wait = guard.waitMs(given.get().user(), address, now);
            if (wait > 0) {
                ctx.response().putHeader("Retry-After", String.valueOf((wait + 999) / 1000));
                Json.error(ctx, 429, "too many failed sign-ins; try again in " + (wait + 999) / 1000 + " s");
                return Optional.empty();
            }
            user = check(given.get(), now);
            if (user.isEmpty()) {
                guard.failed(given.get().user(), address, now);
                Logger.warn("failed sign-in as '{}' from {}", Ids.printable(given.get().user()), address);
            }
        }
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

    private record Credentials(String user, char[] password) {
    }

    /** The supervisors file's check, skipped for a password that passed it lately. */
    private Optional<String> check(Credentials given, long now) {
        if (recent.matches(given.user(), given.password(), now)) {
            return Optional.of(given.user());
        }
        Optional<String> user = accounts.check(given.user(), given.password());
        user.ifPresent(u -> recent.remember(u, given.password(), now));
        return user;
    }

    private static Optional<Credentials> credentials(RoutingContext ctx) {
        String header = ctx.request().getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        try {
            String pair = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = pair.indexOf(':');
            return colon < 0 ? Optional.empty()
                    : Optional.of(new Credentials(pair.substring(0, colon), pair.substring(colon + 1).toCharArray()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
