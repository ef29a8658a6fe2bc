package dev.seatlink.gateway.access;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seatlink.protocol.Ids;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the centre view's login may read: the floors of a centre config ({@code tools/seatlink center
 * --center-config}). Only the centre's name and each floor's {@code site} and {@code floor} matter here; the centre
 * view checks the rest of the file itself (names, a floor listed twice, how many).
 */
public record CentreScope(String name, List<Floor> floors) {
    private static final int MAX_BYTES = 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One floor of the centre, by the ids its gateways use. */
    public record Floor(String site, String floor) {
    }

    /** The login's name: {@code centre.} and the centre's name in lower case, each run of other characters a '-'. */
    public String user() {
        String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return "centre." + (slug.isEmpty() ? "view" : slug);
    }

    /**
     * Reads the centre config.
     *
     * @throws IllegalArgumentException naming the file and the field when it cannot be used
     */
    public static CentreScope read(Path file) {
        JsonNode root;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new IllegalArgumentException(file + ": larger than " + MAX_BYTES + " bytes: not a centre config");
            }
            root = JSON.readTree(Files.readString(file));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file + ": not JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read the centre config: " + e.getMessage(), e);
        }
        String name = root == null ? "" : root.path("centre").asText("");
        JsonNode floors = root == null ? null : root.path("floors");
        if (name.isBlank() || floors == null || !floors.isArray() || floors.isEmpty()) {
            throw new IllegalArgumentException(file + ": a centre config names the centre and lists its floors: "
                    + "{\"centre\": NAME, \"floors\": [{\"site\", \"floor\", \"name\"}, ...]}");
        }
        List<Floor> scope = new ArrayList<>();
        for (int i = 0; i < floors.size(); i++) {
            String site = floors.get(i).path("site").asText("");
            String floor = floors.get(i).path("floor").asText("");
            if (!Ids.isValid(site) || !Ids.isValid(floor)) {
                throw new IllegalArgumentException(file + ": floors[" + i + "]: site and floor must be the ids its "
                        + "gateways use (was '" + Ids.printable(site) + "/" + Ids.printable(floor) + "')");
            }
            scope.add(new Floor(site, floor));
        }
        return new CentreScope(name, List.copyOf(scope));
    }
}
