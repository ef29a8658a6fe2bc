package dev.seatlink.gateway.site;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.seatlink.protocol.AgentState;
import dev.seatlink.protocol.Ids;
import dev.seatlink.protocol.SeatConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads a seat-map JSON file and checks it, failing with one message that names the file and the
 * field (and the line, for syntax and type errors). Unknown fields are errors: a typo must not
 * silently leave a seat without its team.
 */
public final class SeatMapLoader {
    /** The demo floor shipped inside the gateway: site hq, floor f1, three teams of eight seats. */
    public static final String DEMO_RESOURCE = "/demo-seatmap.json";

    private final ObjectMapper mapper = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .build();

    /** The file's raw shape, before the rules are checked. */
    private record File(String site, String floor, List<String> reasons, Integer wrapUpSeconds, AgentState wrapUpThen,
                        List<TeamSpec> teams, List<SeatSpec> seats) {
    }

    public SeatMap load(Path path) {
        try (InputStream in = Files.newInputStream(path)) {
            return parse(in, path.toString());
        } catch (IOException e) {
            throw new SeatMapException(path + ": cannot read: " + e.getMessage());
        }
    }

    public SeatMap loadDemo() {
        try (InputStream in = SeatMapLoader.class.getResourceAsStream(DEMO_RESOURCE)) {
            if (in == null) {
                throw new SeatMapException("demo seat map " + DEMO_RESOURCE + " is missing from the jar");
            }
            return parse(in, "demo seat map");
        } catch (IOException e) {
            throw new SeatMapException("demo seat map: cannot read: " + e.getMessage());
        }
    }

    SeatMap parse(InputStream in, String source) {
        File file;
        try {
            file = mapper.readValue(in, File.class);
        } catch (JsonProcessingException e) {
            String problem = e.getOriginalMessage().lines().findFirst().orElse("");
            int hint = problem.indexOf(" (set DeserializationConfig"); // Jackson's advice to developers, not to technicians
            throw new SeatMapException(source + ": " + where(e) + (hint > 0 ? problem.substring(0, hint) : problem));
        } catch (IOException e) {
            throw new SeatMapException(source + ": cannot read: " + e.getMessage());
        }
        return check(file, new Rules(source));
    }

    private static String where(JsonProcessingException e) {
        StringBuilder at = new StringBuilder();
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            at.append(m.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[")).append(": ");
        }
        JsonLocation location = e.getLocation();
        if (location != null && location.getLineNr() > 0) {
            at.insert(0, "line " + location.getLineNr() + ": ");
        }
        return at.toString();
    }

    private static SeatMap check(File f, Rules rules) {
        rules.id("site", f.site());
        rules.id("floor", f.floor());
        List<String> reasons = f.reasons() == null ? List.of("break", "lunch", "meeting", "training", "coaching")
                : f.reasons();
        rules.that(!reasons.isEmpty() && reasons.size() <= SeatConfig.MAX_REASONS, "reasons",
                "must list 1-" + SeatConfig.MAX_REASONS + " codes");
        for (int i = 0; i < reasons.size(); i++) {
            rules.id("reasons[" + i + "]", reasons.get(i));
        }
        int wrapUp = f.wrapUpSeconds() == null ? 30 : f.wrapUpSeconds();
        rules.that(wrapUp >= 0 && wrapUp <= SeatConfig.MAX_WRAP_UP_SECONDS, "wrapUpSeconds",
                "must be 0-" + SeatConfig.MAX_WRAP_UP_SECONDS);
        AgentState then = f.wrapUpThen() == null ? AgentState.READY : f.wrapUpThen();
        rules.that(then == AgentState.READY || then == AgentState.NOT_READY, "wrapUpThen", "must be READY or NOT_READY");

        rules.that(f.teams() != null && !f.teams().isEmpty(), "teams", "must list at least one team");
        Set<String> teamIds = new HashSet<>();
        for (int i = 0; i < f.teams().size(); i++) {
            TeamSpec team = f.teams().get(i);
            String field = "teams[" + i + "]";
            rules.that(team != null, field, "is empty");
            rules.id(field + ".id", team.id());
            rules.that(teamIds.add(team.id()), field + ".id", "'" + team.id() + "' appears twice");
            if (team.leader() != null) {
                rules.id(field + ".leader", team.leader());
            }
        }

        rules.that(f.seats() != null && !f.seats().isEmpty(), "seats", "must list at least one seat");
        Set<String> seatIds = new HashSet<>();
        Set<String> agents = new HashSet<>();
        Set<String> places = new HashSet<>();
        for (int i = 0; i < f.seats().size(); i++) {
            SeatSpec seat = f.seats().get(i);
            String field = "seats[" + i + "]";
            rules.that(seat != null, field, "is empty");
            rules.id(field + ".seat", seat.seat());
            rules.that(seatIds.add(seat.seat()), field + ".seat", "'" + seat.seat() + "' appears twice");
            rules.that(teamIds.contains(seat.team()), field + ".team", "'" + seat.team() + "' is not one of the teams");
            if (seat.agent() != null) {
                rules.id(field + ".agent", seat.agent());
                rules.that(agents.add(seat.agent()), field + ".agent", "'" + seat.agent() + "' sits at two seats");
            }
            rules.that(seat.x() >= 0 && seat.y() >= 0, field, "x and y must not be negative");
            rules.that(places.add(seat.x() + "," + seat.y()), field, "shares x/y " + seat.x() + "," + seat.y()
                    + " with another seat");
        }
        return new SeatMap(f.site(), f.floor(), reasons, wrapUp, then, f.teams(), f.seats());
    }

    private record Rules(String source) {
        void that(boolean ok, String field, String problem) {
            if (!ok) {
                throw new SeatMapException(source + ": " + field + " " + problem);
            }
        }

        void id(String field, String value) {
            that(value != null, field, "is required");
            that(Ids.isValid(value), field, "'" + value + "' is not an identifier ([a-z0-9][a-z0-9-]{0,31})");
        }
    }
}
