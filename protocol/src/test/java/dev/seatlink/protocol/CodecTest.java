package dev.seatlink.protocol;

import static dev.seatlink.protocol.Samples.BOOT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CodecTest {
    private static final String EVENT_TOPIC = "seatlink/v1/hq/f1/s-014/event";
    private final Codec codec = new Codec();

    private Decoded decode(String topic, String json) {
        return codec.decode(topic, json.getBytes(StandardCharsets.UTF_8));
    }

    private RejectReason rejection(String topic, String json) {
        Decoded decoded = decode(topic, json);
        assertThat(decoded).isInstanceOf(Decoded.Rejected.class);
        return ((Decoded.Rejected) decoded).reason();
    }

    @Test
    void decodesTheContractsEventExample() {
        String json = """
                {"v":1,"seat":"s-014","agent":"a1029","from":"READY","to":"NOT_READY","reason":"break",
                 "help":false,"at":1732330000123,"seq":5012,"boot":"%s","cause":"button"}""".formatted(BOOT);

        Decoded decoded = decode(EVENT_TOPIC, json);

        assertThat(decoded).isEqualTo(Decoded.ok(Topic.parse(EVENT_TOPIC), Samples.event(5012)));
    }

    @Test
    void encodesWithVersionFirstAndWithoutNullFields() {
        SeatEvent busy = new SeatEvent("s-014", "a1029", AgentState.READY, AgentState.BUSY, null, false, Samples.T, 7,
                BOOT, Cause.BUTTON);

        String json = new String(codec.encode(busy), StandardCharsets.UTF_8);

        assertThat(json).startsWith("{\"v\":1,\"seat\":\"s-014\"").doesNotContain("reason").contains("\"cause\":\"button\"");
    }

    @Test
    void aPendingStateRoundTripsOnEventAndSnapshotAndIsLeftOutWhenThereIsNone() {
        String topic = "seatlink/v1/hq/f1/s-014/state";
        SeatEvent asked = new SeatEvent("s-014", "a1029", AgentState.BUSY, AgentState.BUSY, null, false, Samples.T, 8,
                BOOT, Cause.BUTTON, Pending.notReady("break"));
        SeatState snapshot = asked.toState(Samples.T);

        String json = new String(codec.encode(asked), StandardCharsets.UTF_8);

        assertThat(json).contains("\"pending\":{\"state\":\"NOT_READY\",\"reason\":\"break\"}");
        assertThat(decode(EVENT_TOPIC, json)).isEqualTo(Decoded.ok(Topic.parse(EVENT_TOPIC), asked));
        assertThat(decode(topic, new String(codec.encode(snapshot), StandardCharsets.UTF_8)))
                .isEqualTo(Decoded.ok(Topic.parse(topic), snapshot));
        assertThat(new String(codec.encode(Samples.event(3)), StandardCharsets.UTF_8)).doesNotContain("pending");
    }

    @Test
    void aPendingStateOnlyWaitsForAContactAndOnlyForNotReadyOrSignOut() {
        String event = "{\"v\":1,\"seat\":\"s-014\",\"from\":\"%s\",\"to\":\"%s\",\"help\":false,"
                + "\"at\":1732330000123,\"seq\":9,\"boot\":\"b\",\"cause\":\"button\",\"pending\":%s}";

        assertThat(rejection(EVENT_TOPIC, event.formatted("READY", "READY", "{\"state\":\"NOT_READY\",\"reason\":\"x\"}")))
                .isEqualTo(RejectReason.BAD_VALUE);
        assertThat(rejection(EVENT_TOPIC, event.formatted("BUSY", "BUSY", "{\"state\":\"READY\"}")))
                .isEqualTo(RejectReason.BAD_VALUE);
        assertThat(rejection(EVENT_TOPIC, event.formatted("BUSY", "BUSY", "{\"state\":\"NOT_READY\"}")))
                .isEqualTo(RejectReason.BAD_REASON);
        assertThat(decode(EVENT_TOPIC, event.formatted("BUSY", "WRAP_UP", "{\"state\":\"LOGGED_OUT\"}")))
                .isInstanceOf(Decoded.Accepted.class);
    }

    @Test
    void encodesCommandsWithTheirCmdName() {
        Command ack = new Command.AckHelp("c-1", "sup-7", Samples.T);

        String json = new String(codec.encode(ack), StandardCharsets.UTF_8);

        assertThat(json).isEqualTo("{\"v\":1,\"cmd\":\"ack-help\",\"id\":\"c-1\",\"by\":\"sup-7\",\"ts\":1732330000123}");
    }

    @Test
    void decodesEveryCommandOfTheContract() {
        String topic = "seatlink/v1/hq/f1/s-014/cmd";
        String t = ",\"ts\":1732330000123}";
        assertThat(decode(topic, "{\"v\":1,\"id\":\"c1\",\"cmd\":\"set-state\",\"state\":\"NOT_READY\",\"reason\":\"coaching\",\"by\":\"sup-7\"" + t))
                .extracting(d -> ((Decoded.Accepted) d).message()).isInstanceOf(Command.SetState.class);
        assertThat(decode(topic, "{\"v\":1,\"id\":\"c2\",\"cmd\":\"message\",\"text\":\"Team huddle at 10:30\",\"by\":\"sup-7\"" + t))
                .extracting(d -> ((Decoded.Accepted) d).message()).isInstanceOf(Command.ShowMessage.class);
        assertThat(decode(topic, "{\"v\":1,\"id\":\"c3\",\"cmd\":\"rebirth\"" + t))
                .extracting(d -> ((Decoded.Accepted) d).message()).isInstanceOf(Command.Rebirth.class);
        assertThat(decode(topic, "{\"v\":1,\"id\":\"c4\",\"cmd\":\"replay\",\"from\":4980" + t))
                .extracting(d -> ((Decoded.Accepted) d).message()).isEqualTo(new Command.Replay("c4", 4980, Samples.T));
    }

    @Test
    void aReplayMayBeBoundedAndWithoutABoundGoesToTheEndAsBefore() {
        String topic = "seatlink/v1/hq/f1/s-014/cmd";
        Command.Replay bounded = new Command.Replay("c5", 4980, 4983L, Samples.T);
        assertThat(new String(codec.encode(bounded))).contains("\"from\":4980,\"to\":4983");
        assertThat(decode(topic, new String(codec.encode(bounded)))).extracting(d -> ((Decoded.Accepted) d).message())
                .isEqualTo(bounded);
        assertThat(bounded.last()).isEqualTo(4983);

        Command.Replay open = new Command.Replay("c6", 4980, Samples.T);
        assertThat(new String(codec.encode(open))).as("what an older gateway sends").doesNotContain("\"to\"");
        assertThat(open.last()).isEqualTo(Long.MAX_VALUE);

        assertThat(decode(topic, "{\"v\":1,\"id\":\"c7\",\"cmd\":\"replay\",\"from\":4980,\"to\":4979,\"ts\":1732330000123}"))
                .isInstanceOf(Decoded.Rejected.class);
    }

    @Test
    void anOnlineStatusMayNameTheRebirthItAnswersAndWritesItOnlyThen() {
        Topic topic = Topic.parse("seatlink/v1/hq/f1/s-014/status");
        SeatStatus answer = SeatStatus.online("b1", "0.1.0", Samples.T).answering("c-7");

        assertThat(new String(codec.encode(topic, answer), java.nio.charset.StandardCharsets.UTF_8))
                .endsWith(",\"rebirth\":\"c-7\"}");
        assertThat(decode(topic.toString(), new String(codec.encode(topic, answer),
                java.nio.charset.StandardCharsets.UTF_8))).extracting(d -> ((Decoded.Accepted) d).message())
                .isEqualTo(answer);
        assertThat(new String(codec.encode(topic, SeatStatus.online("b1", "0.1.0", Samples.T)),
                java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("rebirth");
    }

    @Test
    void ignoresUnknownFieldsForForwardCompatibility() {
        String json = "{\"v\":1,\"online\":true,\"boot\":\"b1\",\"fw\":\"0.1.0\",\"ts\":1732330000123,\"extra\":[1,2]}";

        assertThat(decode("seatlink/v1/hq/f1/s-014/status", json)).isInstanceOf(Decoded.Accepted.class);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            not json                | {"v":1,                                                         | MALFORMED_JSON
            array                   | [1,2]                                                           | MALFORMED_JSON
            trailing garbage        | {"v":1,"online":false,"boot":"b","ts":1732330000123} x           | MALFORMED_JSON
            duplicate key           | {"v":1,"v":1,"online":false,"boot":"b","ts":1732330000123}      | MALFORMED_JSON
            no version              | {"online":false,"boot":"b","ts":1732330000123}                  | MISSING_FIELD
            version 2               | {"v":2,"online":false,"boot":"b","ts":1732330000123}            | BAD_VERSION
            version as text         | {"v":"1","online":false,"boot":"b","ts":1732330000123}          | WRONG_TYPE
            online as text          | {"v":1,"online":"true","boot":"b","ts":1732330000123}           | WRONG_TYPE
            ts as float             | {"v":1,"online":true,"boot":"b","ts":1.5e12}                    | WRONG_TYPE
            ts missing              | {"v":1,"online":true,"boot":"b"}                                | MISSING_FIELD
            boot missing            | {"v":1,"online":true,"ts":1732330000123}                        | MISSING_FIELD
            ts in microseconds      | {"v":1,"online":true,"boot":"b","ts":1732330000123000}          | ABSURD_TIMESTAMP
            ts overflows long       | {"v":1,"online":true,"boot":"b","ts":99999999999999999999999}   | WRONG_TYPE
            boot with spaces        | {"v":1,"online":true,"boot":"a b","ts":1732330000123}           | BAD_VALUE
            will answering a rebirth | {"v":1,"online":false,"boot":"b","ts":1732330000123,"rebirth":"c1"} | BAD_VALUE
            rebirth id with spaces  | {"v":1,"online":true,"boot":"b","ts":1732330000123,"rebirth":"c 1"} | BAD_VALUE
            """)
    void rejectsBrokenStatusPayloads(String name, String json, RejectReason expected) {
        assertThat(rejection("seatlink/v1/hq/f1/s-014/status", json)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown state          | "to":"ON_BREAK","reason":null                       | UNKNOWN_STATE
            state as number        | "to":2,"reason":null                                | UNKNOWN_STATE
            not ready no reason    | "to":"NOT_READY","reason":null                      | BAD_REASON
            ready with reason      | "to":"READY","reason":"break"                       | BAD_REASON
            reason not an id       | "to":"NOT_READY","reason":"Lunch Break"             | BAD_IDENTIFIER
            """)
    void rejectsEventsThatBreakTheStateRules(String name, String fields, RejectReason expected) {
        String json = "{\"v\":1,\"seat\":\"s-014\",\"agent\":\"a1\",\"from\":\"READY\"," + fields
                + ",\"help\":false,\"at\":1732330000123,\"seq\":3,\"boot\":\"b\",\"cause\":\"button\"}";
        assertThat(rejection(EVENT_TOPIC, json)).isEqualTo(expected);
    }

    @Test
    void rejectsASeqBeyondTheLargestExactJsonInteger() {
        String event = "{\"v\":1,\"seat\":\"s-014\",\"from\":\"READY\",\"to\":\"BUSY\",\"help\":false,"
                + "\"at\":1732330000123,\"seq\":%d,\"boot\":\"b\",\"cause\":\"button\"}";
        String state = "{\"v\":1,\"seat\":\"s-014\",\"state\":\"READY\",\"help\":false,\"since\":1732330000123,"
                + "\"seq\":%d,\"boot\":\"b\"}";

        assertThat(rejection(EVENT_TOPIC, event.formatted(Long.MAX_VALUE))).isEqualTo(RejectReason.BAD_VALUE);
        assertThat(rejection(EVENT_TOPIC, event.formatted(SeatEvent.MAX_SEQ + 1))).isEqualTo(RejectReason.BAD_VALUE);
        assertThat(rejection("seatlink/v1/hq/f1/s-014/state", state.formatted(Long.MAX_VALUE)))
                .isEqualTo(RejectReason.BAD_VALUE);
        assertThat(decode(EVENT_TOPIC, event.formatted(SeatEvent.MAX_SEQ))).isInstanceOf(Decoded.Accepted.class);
    }

    @Test
    void aConfigCarriesTheFloorsLastSeqOnlyWhenGiven() {
        String topic = "seatlink/v1/hq/f1/s-014/config";
        SeatConfig plain = Samples.config();

        assertThat(new String(codec.encode(plain), StandardCharsets.UTF_8)).doesNotContain("lastSeq");
        assertThat(decode(topic, new String(codec.encode(plain.withLastSeq(5012)), StandardCharsets.UTF_8)))
                .isEqualTo(Decoded.ok(Topic.parse(topic), plain.withLastSeq(5012)));
        assertThat(rejection(topic, new String(codec.encode(plain), StandardCharsets.UTF_8)
                .replace("}", ",\"lastSeq\":-1}"))).isEqualTo(RejectReason.BAD_VALUE);
    }

    @Test
    void rejectsAPayloadWhoseSeatDiffersFromTheTopic() {
        byte[] payload = codec.encode(Samples.event(1));

        Decoded decoded = codec.decode("seatlink/v1/hq/f1/s-099/event", payload);

        assertThat(decoded).isInstanceOf(Decoded.Rejected.class);
        Decoded.Rejected rejected = (Decoded.Rejected) decoded;
        assertThat(rejected.reason()).isEqualTo(RejectReason.SEAT_MISMATCH);
        assertThat(rejected.detail()).contains("s-014").contains("s-099");
    }

    @Test
    void rejectsEmptyOversizedAndNonUtf8Payloads() {
        Topic topic = Topic.parse(EVENT_TOPIC);
        assertThat(((Decoded.Rejected) codec.decode(topic, new byte[0])).reason()).isEqualTo(RejectReason.EMPTY);
        assertThat(((Decoded.Rejected) codec.decode(topic, new byte[Codec.MAX_PAYLOAD_BYTES + 1])).reason())
                .isEqualTo(RejectReason.TOO_LARGE);
        byte[] latin1 = "{\"v\":1,\"seat\":\"s\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(((Decoded.Rejected) codec.decode(topic, latin1)).reason()).isEqualTo(RejectReason.NOT_UTF8);
    }

    @Test
    void rejectsUnknownAndMissingCommands() {
        String topic = "seatlink/v1/hq/f1/s-014/cmd";
        assertThat(rejection(topic, "{\"v\":1,\"id\":\"c\",\"cmd\":\"reboot\",\"ts\":1732330000123}"))
                .isEqualTo(RejectReason.UNKNOWN_COMMAND);
        assertThat(rejection(topic, "{\"v\":1,\"id\":\"c\",\"ts\":1732330000123}")).isEqualTo(RejectReason.MISSING_FIELD);
    }

    @Test
    void rejectionDetailNamesTheField() {
        String json = "{\"v\":1,\"online\":true,\"boot\":\"b\",\"ts\":\"yesterday\"}";

        Decoded.Rejected rejected = (Decoded.Rejected) decode("seatlink/v1/hq/f1/s-014/status", json);

        assertThat(rejected.detail()).startsWith("field 'ts'");
    }

    @Test
    void rejectsABadTopicWithoutLookingAtThePayload() {
        Decoded decoded = decode("seatlink/v1/hq/f1/S-014/event", "{}");

        assertThat(decoded).isEqualTo(Decoded.rejected("seatlink/v1/hq/f1/S-014/event", RejectReason.BAD_IDENTIFIER,
                "seat 'S-014' is not an identifier ([a-z0-9][a-z0-9-]{0,31})"));
    }

    @Test
    void refusesToEncodeAMessageOnTheWrongTopic() {
        Topic stateTopic = Topic.parse("seatlink/v1/hq/f1/s-014/state");

        assertThatThrownBy(() -> codec.encode(stateTopic, Samples.event(1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aGatewaysProbeOnASeatTopicNamedLikeTheGatewayIsAProbeNotASeatsMessage() {
        String probe = "{\"v\":1,\"by\":\"hq.f1.gateway-a\",\"ts\":1732330000123}";

        for (String seat : new String[] {"gateway", "gateway-a", "gateway-b"}) {
            Decoded decoded = decode("seatlink/v1/hq/f1/" + seat + "/event", probe);

            assertThat(decoded).as(seat).isInstanceOf(Decoded.Accepted.class);
            assertThat(((Decoded.Accepted) decoded).message()).isEqualTo(new Probe("hq.f1.gateway-a", 1732330000123L));
        }
        assertThat(rejection(EVENT_TOPIC, probe)).as("a probe on a seat's own topic").isEqualTo(RejectReason.MISSING_FIELD);
        assertThat(codec.encode(Topic.parse("seatlink/v1/hq/f1/gateway-b/config"), new Probe("hq.f1.gateway-b", 1732330000123L)))
                .isNotEmpty();
    }

    @Test
    void summaryRoundTripsWithNestedCounts() {
        FloorSummary summary = new FloorSummary(Samples.T, 24, 20, 1, Map.of("READY", 10, "OFFLINE", 4),
                Map.of("billing-1", Map.of("READY", 3)));
        Topic topic = Samples.topic(Topic.Kind.SUMMARY);

        assertThat(codec.decode(topic, codec.encode(summary))).isEqualTo(Decoded.ok(topic, summary));
    }

    private static final String CTI_TOPIC = "seatlink/v1/hq/f1/cti";

    @Test
    void decodesAPhoneSystemsEventAndForwardsItToTheSeatUnderTheSameId() {
        String json = """
                {"v":1,"id":"ev-1","type":"call.answered","agent":"PJSIP/1012","callId":"1700000000.42","at":%d}"""
                .formatted(Samples.T);

        Decoded decoded = decode(CTI_TOPIC, json);

        CtiEvent expected = new CtiEvent("ev-1", CallEventType.CALL_ANSWERED, "PJSIP/1012", "1700000000.42", Samples.T,
                null);
        assertThat(decoded).isEqualTo(Decoded.ok(Topic.parse(CTI_TOPIC), expected));
        CallEvent forwarded = expected.toSeat("s-014");
        String seatJson = new String(codec.encode(forwarded), StandardCharsets.UTF_8);
        assertThat(seatJson).startsWith("{\"v\":1,\"seat\":\"s-014\",\"id\":\"ev-1\",\"type\":\"call.answered\"")
                .doesNotContain("reason");
        String callTopic = "seatlink/v1/hq/f1/s-014/call";
        assertThat(decode(callTopic, seatJson)).isEqualTo(Decoded.ok(Topic.parse(callTopic), forwarded));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown type        | "type":"call.parked","agent":"PJSIP/1","callId":"c1"            | BAD_VALUE
            call without callId | "type":"call.ended","agent":"PJSIP/1"                          | MISSING_FIELD
            agent with a space  | "type":"agent.login","agent":"PJSIP 1"                          | BAD_VALUE
            reason on a call    | "type":"call.ended","agent":"PJSIP/1","callId":"c1","reason":"x" | BAD_REASON
            no agent            | "type":"agent.logout"                                           | MISSING_FIELD
            wait on an end      | "type":"call.ended","agent":"PJSIP/1","callId":"c1","waitMs":5   | BAD_VALUE
            a wait of days      | "type":"call.answered","agent":"PJSIP/1","callId":"c1","waitMs":90000000 | BAD_VALUE
            """)
    void rejectsPhoneEventsThatBreakTheRules(String name, String fields, RejectReason expected) {
        String json = "{\"v\":1,\"id\":\"ev-1\"," + fields + ",\"at\":" + Samples.T + "}";

        assertThat(rejection(CTI_TOPIC, json)).as(name).isEqualTo(expected);
    }

    @Test
    void aPauseCarriesTheAcdsReasonWithSpacesAndTheConfigItsPhoneRules() {
        String json = "{\"v\":1,\"id\":\"p1\",\"type\":\"agent.paused\",\"agent\":\"PJSIP/1012\",\"at\":"
                + Samples.T + ",\"reason\":\"Lunch Break\"}";
        assertThat(decode(CTI_TOPIC, json)).isInstanceOf(Decoded.Accepted.class);

        String topic = "seatlink/v1/hq/f1/s-014/config";
        SeatConfig plain = Samples.config();
        SeatConfig withPhone = new SeatConfig(plain.seat(), plain.agent(), plain.team(), plain.reasons(),
                plain.wrapUpSeconds(), plain.wrapUpThen(), null, new PhoneRules(3));
        String encoded = new String(codec.encode(withPhone), StandardCharsets.UTF_8);
        assertThat(encoded).contains("\"phone\":{\"missedToNotReady\":3}");
        assertThat(decode(topic, encoded)).isEqualTo(Decoded.ok(Topic.parse(topic), withPhone));
        assertThat(withPhone.takesReason(PhoneRules.MISSED_REASON)).isTrue();
        assertThat(plain.takesReason(PhoneRules.MISSED_REASON)).isFalse();
        assertThat(rejection(topic, encoded.replace(":3}", ":0}"))).isEqualTo(RejectReason.BAD_VALUE);
    }
}
