package dev.seatlink.centre.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seatlink.protocol.Ids;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads and checks a centre config:
 * <pre>{"centre": "Leeds", "floors": [{"site": "leeds", "floor": "f1", "name": "Floor 1"}, ...]}</pre>
 * Every mistake is reported with the field it is in ({@code floors[2].floor: ...}).
 */
public final class CentreFile {
    static final int MAX_BYTES = 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private CentreFile() {
    }

    public static CentrePlan read(Path file) {
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new CentreConfigException(file + ": larger than " + MAX_BYTES + " bytes: not a centre config");
            }
            return parse(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new CentreConfigException(file + ": cannot read the centre config: " + e.getMessage());
        }
    }

    static CentrePlan parse(String text, String source) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new CentreConfigException(source + ": not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new CentreConfigException(source + ": must be a JSON object with centre and floors");
        }
        String name = root.path("centre").asText("");
        if (name.isBlank() || name.length() > 80) {
            throw new CentreConfigException(source + ": centre must be a name of 1-80 characters");
        }
        JsonNode floors = root.path("floors");
        if (!floors.isArray() || floors.isEmpty() || floors.size() > CentrePlan.MAX_FLOORS) {
            throw new CentreConfigException(source + ": floors must list 1-" + CentrePlan.MAX_FLOORS + " floors");
        }
        List<CentrePlan.FloorRef> refs = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < floors.size(); i++) {
            JsonNode floor = floors.get(i);
            String field = source + ": floors[" + i + "]";
            String site = id(floor, "site", field);
            String id = id(floor, "floor", field);
            String shown = floor.path("name").asText(site + " " + id);
            if (shown.isBlank() || shown.length() > 80) {
                throw new CentreConfigException(field + ".name must be 1-80 characters");
            }
            CentrePlan.FloorRef ref = new CentrePlan.FloorRef(site, id, shown);
            if (!seen.add(ref.key())) {
                throw new CentreConfigException(field + ": " + ref.key() + " is listed twice");
            }
            refs.add(ref);
        }
        return new CentrePlan(name, refs);
    }

    /** A site or floor id as the floors' topics have it: another (say "Leeds") would watch a floor that cannot be. */
    private static String id(JsonNode floor, String name, String field) {
        String value = floor.path(name).asText("");
        if (!Ids.isValid(value)) {
            throw new CentreConfigException(field + "." + name + " must be an id as the floor's site config has it,"
                    + " [a-z0-9][a-z0-9-]{0,31} (was '" + Ids.printable(value) + "')");
        }
        return value;
    }
}
