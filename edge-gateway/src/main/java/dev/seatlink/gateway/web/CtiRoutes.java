package dev.seatlink.gateway.web;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.seatlink.gateway.brokerlink.LinkHealth;
import dev.seatlink.gateway.cti.CtiIntake;
import dev.seatlink.gateway.cti.CtiOutcome;
import dev.seatlink.gateway.floor.FloorModel;
import dev.seatlink.gateway.lease.GatewayRole;
import dev.seatlink.gateway.lease.Role;
import dev.seatlink.protocol.Codec;
import dev.seatlink.protocol.CtiEvent;
import dev.seatlink.protocol.Decoded;
import dev.seatlink.protocol.Topic;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.Map;
import java.util.Optional;
import dev.seatlink.gateway.roles.Permission;

/**
 * {@code POST /api/cti/events}: a phone system's event, the floor {@code cti} payload as the body ({@code "v":1}
 * may be left out). Signed in with an integration account of the site config ({@code integrations}), never a
 * supervisor's. Answers 204 once the event is with its seat (or was a repeat of one taken, or is the ACD's queue
 * pause, which the gateway keeps); 400 with the reason for a bad event; 403 for an account that is not an
 * integration; 404 for an agent or device no seat has; 409 or 503 from a standby (ask the primary); 503 while the
 * broker link is down or the forward failed — nothing was done, so sending it again is safe. Every outcome is
 * counted in {@code seatlink_cti_events_total}.
 */
public final class CtiRoutes {
    static final int MAX_BODY_BYTES = 4096;
    /** Refuses duplicate keys, as the codec does, so adding {@code v} never hides one. */
    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private final FloorModel floor;
    private final Access access;
    private final CtiIntake intake;
    private final GatewayRole role;
    private final LinkHealth link;
    private final Codec codec;
    private final Topic topic;

    public CtiRoutes(FloorModel floor, Access access, CtiIntake intake, GatewayRole role, LinkHealth link, Codec codec) {
        this.floor = floor;
        this.access = access;
        this.intake = intake;
        this.role = role;
        this.link = link;
        this.codec = codec;
        this.topic = Topic.floor(floor.site().site(), floor.site().floor(), Topic.Kind.CTI);
    }

    public void mount(Router router) {
        router.post("/api/cti/events").handler(BodyHandler.create().setBodyLimit(MAX_BODY_BYTES)).handler(this::event);
    }

    private void event(RoutingContext ctx) {
        if (access.require(ctx, Permission.POST_PHONE_EVENTS, "phone", "post-phone-event").isEmpty()) {
            return; // a supervisor's account is refused: phone events come with one of the site's "integrations"
        }
        Decoded decoded = codec.decode(topic.toString(), withVersion(ctx.body().buffer() == null ? new byte[0]
                : ctx.body().buffer().getBytes()));
        if (decoded instanceof Decoded.Rejected rejected) {
            intake.invalid();
            Json.respond(ctx, 400, Map.of("error", rejected.detail(), "reason", rejected.reason().label()));
            return;
        }
        if (role.role() != Role.PRIMARY) {
            StandbyAnswer.send(ctx, role, "the event was not forwarded");
            return;
        }
        if (!link.isConnected()) {
            ctx.response().putHeader("Retry-After", "5");
            Json.error(ctx, 503, "the broker link is down; the event was not forwarded");
            return;
        }
        CtiEvent event = (CtiEvent) ((Decoded.Accepted) decoded).message();
        intake.take(event).onComplete(taken -> {
            if (taken.failed()) {
                ctx.response().putHeader("Retry-After", "5");
                Json.error(ctx, 503, "the event was not forwarded to its seat (" + taken.cause().getMessage()
                        + "); send it again");
            } else if (taken.result() == CtiOutcome.UNMAPPED) {
                Json.error(ctx, 404, "no seat of the site config is called '" + event.agent()
                        + "' on the phone system (seats[].acd)");
            } else {
                ctx.response().setStatusCode(204).end();
            }
        });
    }

    /** The body with {@code "v":1} added when the sender left it out; as it came when it is not a JSON object. */
    private static byte[] withVersion(byte[] body) {
        if (body.length == 0 || body.length > MAX_BODY_BYTES) {
            return body;
        }
        try {
            JsonNode tree = STRICT.readTree(body);
            if (tree instanceof ObjectNode object && !object.has("v")) {
                ObjectNode versioned = STRICT.createObjectNode().put("v", Codec.VERSION);
                versioned.setAll(object);
                return STRICT.writeValueAsBytes(versioned);
            }
        } catch (java.io.IOException | RuntimeException e) {
            // the codec says what is wrong with it
        }
        return body;
    }
}
