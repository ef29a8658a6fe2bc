package dev.seatlink.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

/**
 * Bytes to messages and back, exactly as protocol v1 writes them. Thread-safe.
 *
 * <p>{@link #decode} never throws: any input, however broken, comes back as a
 * {@link Decoded.Rejected} with a reason and a message naming the field. Unknown fields are
 * ignored so that later minor additions do not break older readers.
 */
public final class Codec {
    public static final int VERSION = 1;
    public static final int MAX_PAYLOAD_BYTES = 4096;

    private final ObjectMapper mapper = JsonMapper.builder()
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
            .build();

    /** The payload for {@code message}, with {@code "v":1} first. */
    public byte[] encode(Message message) {
        ObjectNode root = mapper.createObjectNode().put("v", VERSION);
        root.setAll((ObjectNode) mapper.valueToTree(message));
        try {
            return mapper.writeValueAsBytes(root);
        } catch (JacksonException e) {
            // Records validated on construction always serialise; this is a programming error.
            throw new IllegalStateException("cannot encode " + message.getClass().getSimpleName(), e);
        }
    }

    /** Encodes for a topic, checking that the message is the kind the topic carries. */
    public byte[] encode(Topic topic, Message message) {
        if (!topic.payloadType().isInstance(message)) {
            throw new IllegalArgumentException(message.getClass().getSimpleName() + " does not belong on " + topic);
        }
        return encode(message);
    }

    /** Parses the topic, then the payload. */
    public Decoded decode(String topic, byte[] payload) {
        Topic parsed;
        try {
            parsed = Topic.parse(topic);
        } catch (ProtocolViolation e) {
            return Decoded.rejected(topic, e.reason(), e.getMessage());
        }
        return decode(parsed, payload);
    }

    /** Validates {@code payload} as the message {@code topic} carries. */
    public Decoded decode(Topic topic, byte[] payload) {
        try {
            Message message = read(topic, payload);
            if (message instanceof SeatMessage seatMessage && !seatMessage.seat().equals(topic.seat())) {
                return Decoded.rejected(topic.toString(), RejectReason.SEAT_MISMATCH,
                        "payload seat '" + seatMessage.seat() + "' differs from topic seat '" + topic.seat() + "'");
            }
            return Decoded.ok(topic, message);
        } catch (ProtocolViolation e) {
            return Decoded.rejected(topic.toString(), e.reason(), e.getMessage());
        } catch (RuntimeException | IOException e) {
            return Decoded.rejected(topic.toString(), classify(e), describe(e));
        }
    }

    private Message read(Topic topic, byte[] payload) throws IOException {
        if (payload == null || payload.length == 0) {
            throw new ProtocolViolation(RejectReason.EMPTY, "payload is empty");
        }
        if (payload.length > topic.kind().maxBytes()) {
            throw new ProtocolViolation(RejectReason.TOO_LARGE,
                    "payload is " + payload.length + " bytes, limit " + topic.kind().maxBytes());
        }
        requireUtf8(payload);
        JsonNode tree = mapper.readTree(payload);
        if (tree == null || !tree.isObject()) {
            throw new ProtocolViolation(RejectReason.MALFORMED_JSON, "payload is not a JSON object");
        }
        JsonNode version = tree.get("v");
        if (version == null) {
            throw new ProtocolViolation(RejectReason.MISSING_FIELD, "v is required");
        }
        if (!version.isInt()) {
            throw new ProtocolViolation(RejectReason.WRONG_TYPE, "v must be an integer");
        }
        if (version.intValue() != VERSION) {
            throw new ProtocolViolation(RejectReason.BAD_VERSION, "v " + version.intValue() + " is not supported, expected 1");
        }
        return mapper.treeToValue(tree, topic.payloadType());
    }

    private static void requireUtf8(byte[] payload) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(payload));
        } catch (CharacterCodingException e) {
            throw new ProtocolViolation(RejectReason.NOT_UTF8, "payload is not valid UTF-8");
        }
    }

    private static String fieldPath(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
    }

    private static RejectReason classify(Exception e) {
        if (e instanceof ValueInstantiationException vie && vie.getCause() instanceof ProtocolViolation pv) {
            return pv.reason();
        }
        if (e instanceof InvalidTypeIdException itie) {
            return itie.getTypeId() == null ? RejectReason.MISSING_FIELD : RejectReason.UNKNOWN_COMMAND;
        }
        if (e instanceof InvalidFormatException ife && ife.getTargetType() != null && ife.getTargetType().isEnum()) {
            return ife.getTargetType() == AgentState.class ? RejectReason.UNKNOWN_STATE : RejectReason.BAD_VALUE;
        }
        if (e instanceof InputCoercionException) {
            return RejectReason.WRONG_TYPE;
        }
        if (e instanceof StreamReadException) {
            return RejectReason.MALFORMED_JSON;
        }
        String text = String.valueOf(e.getMessage());
        if (text.startsWith("Missing required creator property")) {
            return RejectReason.MISSING_FIELD;
        }
        return RejectReason.WRONG_TYPE;
    }

    private static String describe(Exception e) {
        if (e instanceof ValueInstantiationException vie && vie.getCause() instanceof ProtocolViolation pv) {
            return pv.getMessage();
        }
        String text = e instanceof JacksonException je ? je.getOriginalMessage() : String.valueOf(e.getMessage());
        String field = e instanceof JsonMappingException jme ? fieldPath(jme) : "";
        String firstLine = text.lines().findFirst().orElse("");
        return (field.isEmpty() ? "" : "field '" + field + "': ") + Ids.printable(firstLine, 160);
    }
}
