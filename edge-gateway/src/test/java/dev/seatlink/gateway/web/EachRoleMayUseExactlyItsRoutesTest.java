package dev.seatlink.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.seatlink.gateway.Gateway;
import dev.seatlink.gateway.GatewayConfig;
import dev.seatlink.gateway.testing.DemoManager;
import dev.seatlink.gateway.testing.Http;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every role of the demo floor against every signed-in route: allowed or 403, as docs/roles.md's table says,
 * and every 403 in the audit trail. fm-dana is the centre manager, dm-eve the duty manager, tl-anna leads
 * billing-1 (s-001), qa-kim is quality, pbx the phone system's account.
 */
class EachRoleMayUseExactlyItsRoutesTest {
    @TempDir
    static Path dir;
    static Gateway gateway;
    static Http http;
    static final Map<String, String> PASSWORDS = new LinkedHashMap<>();

    @BeforeAll
    static void start() {
        Path secrets = dir.resolve("secrets");
        for (String user : List.of("fm-dana", "dm-eve", "tl-anna", "qa-kim", "pbx")) {
            PASSWORDS.put(user, DemoManager.account(secrets, user));
        }
        gateway = Gateway.start(GatewayConfig.defaults().with(0, null, 0, dir.resolve("gw"))
                .withUsers(secrets.resolve("supervisors.passwd")));
        http = new Http(gateway.httpPort());
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    /** A route as a user calls it. */
    private record Route(String name, Function<String, HttpResponse<String>> call) {
    }

    private static List<Route> routes() {
        String today = LocalDate.now(java.time.ZoneOffset.UTC).toString();
        String message = "{\"cmd\":\"message\",\"text\":\"hello\"}";
        return List.of(
                new Route("team view, own team", u -> http.get("/api/teams/billing-1", u, PASSWORDS.get(u))),
                new Route("team view, other team", u -> http.get("/api/teams/vip-care", u, PASSWORDS.get(u))),
                new Route("seat history", u -> http.get("/api/seats/s-009/events", u, PASSWORDS.get(u))),
                new Route("daily report", u -> http.get("/api/reports/daily?date=" + today, u, PASSWORDS.get(u))),
                new Route("audit", u -> http.get("/api/audit?from=0&to=1", u, PASSWORDS.get(u))),
                new Route("command, own team", u -> http.post("/api/seats/s-001/commands", message, u,
                        PASSWORDS.get(u))),
                new Route("command, other team", u -> http.post("/api/seats/s-009/commands", message, u,
                        PASSWORDS.get(u))),
                new Route("agents", u -> http.get("/api/agents", u, PASSWORDS.get(u))),
                new Route("edit agent", u -> new Http(gateway.httpPort(), u, PASSWORDS.get(u)).put("/api/agents/a1001",
                        "{\"name\":\"Ada Lovelace\",\"team\":\"billing-1\",\"skill\":\"regular\"}")),
                new Route("move", u -> http.post("/api/moves", "{\"seat\":\"s-003\",\"team\":\"no-such-team\"}", u,
                        PASSWORDS.get(u))),
                new Route("remove leftover", u -> http.delete("/api/fleet/leftovers/s-999", u, PASSWORDS.get(u))),
                new Route("phone event", u -> http.post("/api/cti/events",
                        "{\"type\":\"call.offered\",\"id\":\"e1\",\"agent\":\"nobody\",\"callId\":\"c1\",\"at\":1}",
                        u, PASSWORDS.get(u))));
    }

    /** Which routes each user may use: the rest must answer 403. */
    private static final Map<String, List<String>> ALLOWED = Map.of(
            "fm-dana", List.of("team view, own team", "team view, other team", "seat history", "daily report", "audit",
                    "command, own team", "command, other team", "agents", "edit agent", "move", "remove leftover"),
            "dm-eve", List.of("team view, own team", "team view, other team", "seat history", "daily report", "audit",
                    "command, own team", "command, other team", "agents", "move"),
            "tl-anna", List.of("team view, own team", "daily report", "audit", "command, own team", "agents"),
            "qa-kim", List.of("team view, own team", "team view, other team", "seat history", "daily report",
                    "agents"),
            "pbx", List.of("phone event"));

    @Test
    void eachRoleIsAllowedItsRoutesAndRefusedTheRestWithEveryRefusalAudited() {
        List<String> wrong = new ArrayList<>();
        int denied = 0;
        for (String user : PASSWORDS.keySet()) {
            for (Route route : routes()) {
                int status = route.call().apply(user).statusCode();
                boolean allowed = ALLOWED.get(user).contains(route.name());
                if (allowed == (status == 403)) {
                    wrong.add(user + " / " + route.name() + ": " + status);
                }
                if (status == 403) {
                    denied++;
                }
            }
        }
        assertThat(wrong).as("allowed yet 403, or refused otherwise than by 403").isEmpty();

        int expected = denied;
        long now = System.currentTimeMillis();
        String deniedLines = "/api/audit?from=" + (now - 3_600_000) + "&to=" + (now + 60_000) + "&outcome=denied";
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(http.json(deniedLines, "fm-dana",
                PASSWORDS.get("fm-dana")).findValuesAsText("outcome")).hasSize(expected));
        assertThat(http.json(deniedLines, "fm-dana", PASSWORDS.get("fm-dana")).findValuesAsText("error"))
                .contains("lacks act-on-seats", "lacks post-phone-events", "lacks edit-agents");
    }

    @Test
    void meTellsThePageWhatEachRoleMayDo() {
        var quality = http.json("/api/me", "qa-kim", PASSWORDS.get("qa-kim"));
        assertThat(quality.path("roles").toString()).isEqualTo("[\"quality\"]");
        assertThat(quality.path("may").has("act-on-seats")).isFalse();
        assertThat(quality.path("may").path("view-teams").asText()).isEqualTo("floor");

        var leader = http.json("/api/me", "tl-anna", PASSWORDS.get("tl-anna"));
        assertThat(leader.path("may").path("act-on-seats").asText()).isEqualTo("own-teams");
        assertThat(leader.path("teams").toString()).isEqualTo("[\"billing-1\"]");
    }
}
