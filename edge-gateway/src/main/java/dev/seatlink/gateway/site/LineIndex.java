package dev.seatlink.gateway.site;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The line each field of a JSON document starts on, so a rule broken after parsing can still point
 * the technician at the line. Fields are named as the loader names them: {@code seats[3].team}.
 */
final class LineIndex {
    private final Map<String, Integer> lines = new HashMap<>();

    LineIndex(byte[] json) {
        try (JsonParser parser = new JsonFactory().createParser(json)) {
            while (parser.nextToken() != null) {
                if (parser.currentToken() != JsonToken.FIELD_NAME && parser.currentToken() != JsonToken.END_ARRAY
                        && parser.currentToken() != JsonToken.END_OBJECT) {
                    lines.putIfAbsent(field(parser.getParsingContext().pathAsPointer().toString()),
                            parser.currentTokenLocation().getLineNr());
                }
            }
        } catch (IOException e) {
            // A document Jackson cannot tokenize fails to parse first, with its own line.
        }
    }

    /** "/seats/3/team" → "seats[3].team". */
    private static String field(String pointer) {
        StringBuilder field = new StringBuilder();
        for (String part : pointer.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            if (part.chars().allMatch(Character::isDigit)) {
                field.append('[').append(part).append(']');
            } else {
                field.append(field.length() == 0 ? "" : ".").append(part.replace("~1", "/").replace("~0", "~"));
            }
        }
        return field.toString();
    }

    /** The line of a field, or of the nearest enclosing one; 0 when unknown. */
    int lineOf(String field) {
        String at = field;
        while (!at.isEmpty()) {
            Integer line = lines.get(at);
            if (line != null) {
                return line;
            }
            int cut = Math.max(at.lastIndexOf('.'), at.lastIndexOf('['));
            at = cut < 0 ? "" : at.substring(0, cut);
        }
        return 0;
    }
}
