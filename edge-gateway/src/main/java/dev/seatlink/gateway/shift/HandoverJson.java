package dev.seatlink.gateway.shift;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The handover report as it is kept and served: JSON, read back as a tree for the printable page. */
public final class HandoverJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private HandoverJson() {
    }

    public static String write(HandoverReport report) {
        try {
            return JSON.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the handover report", e);
        }
    }

    public static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a kept handover report is not JSON: " + e.getMessage(), e);
        }
    }
}
