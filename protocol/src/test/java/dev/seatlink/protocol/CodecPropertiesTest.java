package dev.seatlink.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Every message kind round-trips; no input whatsoever escapes decode as anything but a result. */
class CodecPropertiesTest {
    private final Codec codec = new Codec();
    private final ObjectMapper json = new ObjectMapper();

    @Property
    void everyMessageRoundTrips(@ForAll("messages") Message message) {
        Topic topic = Samples.topic(kindOf(message));

        Decoded decoded = codec.decode(topic, codec.encode(topic, message));

        assertThat(decoded).isEqualTo(Decoded.ok(topic, message));
    }

    @Property(tries = 2000)
    void arbitraryBytesAreOnlyEverRejected(@ForAll byte[] payload, @ForAll Topic.Kind kind) {
        Decoded decoded = codec.decode(Samples.topic(kind), payload);

        assertThat(decoded).isNotNull();
        if (decoded instanceof Decoded.Rejected rejected) {
            assertThat(rejected.reason()).isNotNull();
            assertThat(rejected.detail()).isNotBlank();
        }
    }

    @Property(tries = 2000)
    void mutatedValidMessagesNeverThrow(@ForAll("messages") Message message, @ForAll("mutations") Mutation mutation) {
        Topic topic = Samples.topic(kindOf(message));
        ObjectNode tree = (ObjectNode) readTree(codec.encode(message));

        byte[] mutated = mutation.apply(tree).toString().getBytes(StandardCharsets.UTF_8);
        Decoded decoded = codec.decode(topic, mutated);

        assertThat(decoded).isNotNull();
        if (decoded instanceof Decoded.Accepted accepted) {
            assertThat(accepted.message()).isInstanceOf(topic.payloadType());
        }
    }

    @Property(tries = 1000)
    void arbitraryTopicStringsNeverThrow(@ForAll String topic) {
        assertThat(codec.decode(topic, "{\"v\":1}".getBytes(StandardCharsets.UTF_8))).isInstanceOf(Decoded.Rejected.class);
    }

    /** A change to one field of a valid message: drop it, or set it to a value of any JSON type. */
    record Mutation(String field, JsonNode value) {
        ObjectNode apply(ObjectNode tree) {
            List<String> names = List.copyOf(tree.properties().stream().map(Map.Entry::getKey).toList());
            String target = names.get(Math.floorMod(field.hashCode(), names.size()));
            if (value == null) {
                tree.remove(target);
            } else {
                tree.set(target, value);
            }
            return tree;
        }
    }

    @Provide
    Arbitrary<Mutation> mutations() {
        Arbitrary<JsonNode> values = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(40).map(json::valueToTree),
                Arbitraries.longs().map(json::valueToTree),
                Arbitraries.doubles().map(json::valueToTree),
                Arbitraries.of(true, false).map(json::valueToTree),
                Arbitraries.just(json.nullNode()),
                Arbitraries.just(json.createArrayNode()),
                Arbitraries.just(json.createObjectNode()),
                Arbitraries.just((JsonNode) null));
        return Combinators.combine(Arbitraries.strings().ofMaxLength(8), values).as(Mutation::new);
    }

    private JsonNode readTree(byte[] bytes) {
        try {
            return json.readTree(bytes);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static Topic.Kind kindOf(Message message) {
        for (Topic.Kind kind : Topic.Kind.values()) {
            if (kind.payloadType().isInstance(message)) {
                return kind;
            }
        }
        throw new AssertionError(message);
    }

    // --- generators of valid messages -------------------------------------------------------

    private static final String SEAT = "s-014";

    @Provide
    Arbitrary<Message> messages() {
        return Arbitraries.oneOf(statuses(), states(), events(), configs(), commands(), results(), gateways(), summaries(),
                ctiEvents(), callEvents(), badgeReads(), probes());
    }

    private static Arbitrary<String> ids() {
        Arbitrary<Character> first = Arbitraries.chars().range('a', 'z').range('0', '9');
        Arbitrary<String> rest = Arbitraries.strings().withCharRange('a', 'z').withCharRange('0', '9').withChars('-')
                .ofMaxLength(31);
        return Combinators.combine(first, rest).as((f, r) -> f + r);
    }

    private static Arbitrary<String> tokens() {
        return Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(64);
    }

    private static Arbitrary<Long> times() {
        return Arbitraries.longs().between(Check.EARLIEST_MS, Check.LATEST_MS);
    }

    private static Arbitrary<Long> seqs() {
        return Arbitraries.longs().between(1, SeatEvent.MAX_SEQ);
    }

    /** A state, reason and help flag that fit together. */
    private record Situation(AgentState state, String reason, boolean help) {
    }

    private static Arbitrary<Situation> situations() {
        return Combinators.combine(Arbitraries.of(AgentState.class), ids(), Arbitraries.of(true, false))
                .as((state, reason, help) -> new Situation(state, state == AgentState.NOT_READY ? reason : null,
                        help && state != AgentState.LOGGED_OUT));
    }

    private static Arbitrary<Message> statuses() {
        return Combinators.combine(Arbitraries.of(true, false), tokens(), tokens().injectNull(0.3), times())
                .as(SeatStatus::new);
    }

    private static Arbitrary<Message> states() {
        return Combinators.combine(ids().injectNull(0.2), situations(), times(), Arbitraries.longs().between(0, SeatEvent.MAX_SEQ), tokens())
                .as((agent, s, since, seq, boot) -> new SeatState(SEAT, agent, s.state(), s.reason(), s.help(), since, seq, boot));
    }

    private static Arbitrary<Message> events() {
        return Combinators.combine(ids().injectNull(0.2), Arbitraries.of(AgentState.class), situations(), times(), seqs(),
                        tokens(), Arbitraries.of(Cause.class))
                .as((agent, from, s, at, seq, boot, cause) ->
                        new SeatEvent(SEAT, agent, from, s.state(), s.reason(), s.help(), at, seq, boot, cause));
    }

    private static Arbitrary<Message> configs() {
        return Combinators.combine(ids().injectNull(0.2), ids(), ids().list().ofMinSize(1).ofMaxSize(SeatConfig.MAX_REASONS),
                        Arbitraries.integers().between(0, SeatConfig.MAX_WRAP_UP_SECONDS),
                        Arbitraries.of(AgentState.READY, AgentState.NOT_READY))
                .as((agent, team, reasons, wrap, then) -> new SeatConfig(SEAT, agent, team, reasons, wrap, then))
                .flatMap(config -> Arbitraries.integers().between(1, PhoneRules.MAX_MISSED).injectNull(0.5)
                        .map(missed -> new SeatConfig(config.seat(), config.agent(), config.team(), config.reasons(),
                                config.wrapUpSeconds(), config.wrapUpThen(), null,
                                missed == null ? null : new PhoneRules(missed))));
    }

    private static Arbitrary<CtiEvent> ctiEvents() {
        Arbitrary<String> names = Arbitraries.strings().withCharRange('!', '~').ofMinLength(1)
                .ofMaxLength(CtiEvent.MAX_AGENT_LENGTH);
        Arbitrary<String> reasons = Arbitraries.strings().withCharRange(' ', '~').ofMinLength(1)
                .ofMaxLength(CallEvent.MAX_REASON_LENGTH).filter(r -> !r.isBlank());
        return Combinators.combine(tokens(), Arbitraries.of(CallEventType.class), names, tokens().injectNull(0.3), times(),
                        reasons.injectNull(0.5))
                .as((id, type, agent, call, at, reason) -> new CtiEvent(id, type, agent,
                        type.aboutACall() && call == null ? "c-1" : call, at,
                        type == CallEventType.AGENT_PAUSED ? reason : null));
    }

    private static Arbitrary<Message> callEvents() {
        return ctiEvents().map(cti -> cti.toSeat(SEAT));
    }

    private static Arbitrary<Message> commands() {
        Arbitrary<String> texts = Arbitraries.strings().ofMinLength(1).ofMaxLength(Command.MAX_TEXT_LENGTH)
                .filter(t -> !t.isBlank());
        return Arbitraries.oneOf(
                Combinators.combine(tokens(), situations(), ids(), times())
                        .as((id, s, by, ts) -> new Command.SetState(id, s.state(), s.reason(), by, ts)),
                Combinators.combine(tokens(), texts, ids(), times()).as(Command.ShowMessage::new),
                Combinators.combine(tokens(), ids(), times()).as(Command.AckHelp::new),
                Combinators.combine(tokens(), times()).as(Command.Rebirth::new),
                Combinators.combine(tokens(), seqs(), times()).as(Command.Replay::new),
                Combinators.combine(tokens(), ids(), Arbitraries.strings().withCharRange('A', 'z').ofMinLength(1)
                        .ofMaxLength(Command.SignIn.MAX_NAME_LENGTH).injectNull(0.3), times())
                        .as(Command.SignIn::new));
    }

    private static Arbitrary<Message> badgeReads() {
        return Combinators.combine(tokens(), Arbitraries.strings().withCharRange('0', 'Z').ofMinLength(1)
                .ofMaxLength(BadgeRead.MAX_BADGE_LENGTH), times()).as(BadgeRead::new);
    }

    private static Arbitrary<Message> probes() {
        return Combinators.combine(tokens(), times()).as(Probe::new);
    }

    private static Arbitrary<Message> results() {
        Arbitrary<String> errors = Arbitraries.strings().ofMinLength(1).ofMaxLength(CommandResult.MAX_ERROR_LENGTH)
                .filter(t -> !t.isBlank());
        return Arbitraries.oneOf(tokens().map(CommandResult::success),
                Combinators.combine(tokens(), errors).as(CommandResult::failure));
    }

    private static Arbitrary<Message> gateways() {
        Arbitrary<String> urls = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(40)
                .map(host -> "http://" + host + ":8080/").injectNull(0.3);
        return Arbitraries.oneOf(
                Combinators.combine(tokens(), times()).as(GatewayStatus::offline),
                Combinators.combine(tokens(), times(), urls, times()).as(GatewayStatus::primary));
    }

    private static Arbitrary<Message> summaries() {
        Arbitrary<Map<String, Integer>> counts = Arbitraries.maps(Arbitraries.of("READY", "BUSY", "OFFLINE"),
                Arbitraries.integers().between(0, 10_000));
        return Combinators.combine(times(), Arbitraries.integers().between(0, 10_000), counts,
                        Arbitraries.maps(ids(), counts).ofMaxSize(5))
                .as((ts, n, states, teams) -> new FloorSummary(ts, n, n / 2, n / 10, states, teams));
    }
}
