package dev.seatlink.link;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The browser script the floor's wallboard and the centre's page share ({@code redraw.js}: drawing a live page again
 * without losing a click), which each serves from its own jar under {@link #NAME}.
 */
public final class PageScript {
    public static final String NAME = "redraw.js";
    public static final String TYPE = "text/javascript; charset=utf-8";
    private static final String RESOURCE = "/pages/" + NAME;

    private PageScript() {
    }

    public static byte[] read() {
        try (InputStream in = PageScript.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
