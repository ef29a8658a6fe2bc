package dev.seatlink.gateway.site;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * Reads a site-config JSON file and checks it, failing with one message that names the file, the
 * line and the field. Unknown fields are errors: a typo must not silently leave a seat without its
 * team. Every default is filled in here, so the gateway never sees a missing value.
 */
public final class SiteConfigLoader {
    /** The demo floor shipped inside the gateway: site hq, floor f1, three teams of eight seats. */
    public static final String DEMO_RESOURCE = "/demo-site.json";
    static final int MAX_FILE_BYTES = 4 * 1024 * 1024;

    private final ObjectMapper mapper = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .build();

    public SiteConfig load(Path path) {
        return parse(new java.io.ByteArrayInputStream(read(path)), path.toString());
    }

    /**
     * The file's bytes, read only when it is a regular file (after symlinks) of at most {@value #MAX_FILE_BYTES}
     * bytes: a FIFO would block the reading thread for good, {@code /dev/zero} or a huge file fill the heap.
     *
     * @throws SiteConfigException naming the file and what is wrong with it
     */
    public static byte[] read(Path path) {
        try {
            java.nio.file.attribute.BasicFileAttributes attributes =
                    Files.readAttributes(path, java.nio.file.attribute.BasicFileAttributes.class);
            if (!attributes.isRegularFile()) {
                throw new SiteConfigException(path + ": not a regular file (a directory, device or pipe); refused");
            }
            if (attributes.size() > MAX_FILE_BYTES) {
                throw new SiteConfigException(path + ": larger than " + MAX_FILE_BYTES / 1024 / 1024 + " MB ("
                        + attributes.size() + " bytes); refused");
            }
            try (InputStream in = Files.newInputStream(path)) {
                byte[] bytes = in.readNBytes(MAX_FILE_BYTES + 1);
                if (bytes.length > MAX_FILE_BYTES) { // it grew while being read
                    throw new SiteConfigException(path + ": larger than " + MAX_FILE_BYTES / 1024 / 1024 + " MB; refused");
                }
                return bytes;
            }
        } catch (IOException e) {
            throw new SiteConfigException(path + ": cannot read: " + e.getMessage());
        }
    }

    public SiteConfig loadDemo() {
        try (InputStream in = SiteConfigLoader.class.getResourceAsStream(DEMO_RESOURCE)) {
            if (in == null) {
                throw new SiteConfigException("demo site config " + DEMO_RESOURCE + " is missing from the jar");
            }
            return parse(in, "demo site config");
        } catch (IOException e) {
            throw new SiteConfigException("demo site config: cannot read: " + e.getMessage());
        }
    }

    SiteConfig parse(InputStream in, String source) {
        byte[] json;
        RawSite.File file;
        try {
            json = in.readNBytes(MAX_FILE_BYTES + 1);
            if (json.length > MAX_FILE_BYTES) {
                throw new SiteConfigException(source + ": larger than " + MAX_FILE_BYTES / 1024 / 1024 + " MB");
            }
            file = mapper.readValue(json, RawSite.File.class);
        } catch (JsonProcessingException e) {
            String problem = e.getOriginalMessage().lines().findFirst().orElse("");
            int hint = problem.indexOf(" (set DeserializationConfig"); // Jackson's advice to developers, not to technicians
            throw new SiteConfigException(source + ": " + where(e) + (hint > 0 ? problem.substring(0, hint) : problem));
        } catch (IOException e) {
            throw new SiteConfigException(source + ": cannot read: " + e.getMessage());
        }
        if (file == null) {
            throw new SiteConfigException(source + ": is empty");
        }
        return SiteRules.check(file, source, new LineIndex(json));
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
}
