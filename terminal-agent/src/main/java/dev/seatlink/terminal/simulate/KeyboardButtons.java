package dev.seatlink.terminal.simulate;

import dev.seatlink.terminal.seat.Key;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.tinylog.Logger;

/**
 * The seat's buttons on the keyboard: r = Ready, n = Not ready, b = Busy, h = Help, q = quit,
 * each followed by Enter (several letters on a line are pressed in order); {@code badge UID} holds a card on the
 * seat's simulated MFRC522 reader (8 hex digits) and {@code badge} alone takes it away.
 */
public final class KeyboardButtons implements Runnable {
    public static final String HELP = "keys: r=Ready  n=Not ready (again: next reason)  b=Busy (again: end contact)  "
            + "h=Help  q=quit, then Enter; badge DEADBEEF = a card on the reader, badge = take it away";

    private final InputStream in;
    private final PrintStream out;
    private final SimulatedHardware hardware;
    private final Runnable quit;

    public KeyboardButtons(InputStream in, PrintStream out, SimulatedHardware hardware, Runnable quit) {
        this.in = in;
        this.out = out;
        this.hardware = hardware;
        this.quit = quit;
    }

    /** Reads until end of input or 'q'. */
    @Override
    public void run() {
        out.println(HELP);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                String[] words = line.strip().split("\\s+");
                if (words[0].equalsIgnoreCase("badge")) {
                    badge(words.length > 1 ? words[1] : null);
                    continue;
                }
                for (char c : line.toLowerCase(Locale.ROOT).toCharArray()) {
                    if (c == 'q') {
                        quit.run();
                        return;
                    }
                    Key key = keyFor(c);
                    if (key != null) {
                        hardware.press(key);
                    } else if (!Character.isWhitespace(c)) {
                        out.println(HELP);
                    }
                }
            }
        } catch (IOException e) {
            Logger.warn("keyboard input closed: {}", e.getMessage());
        }
    }

    private void badge(String uid) {
        if (uid != null && !uid.matches("[0-9A-Fa-f]{8}")) {
            out.println("a card's UID is 8 hex digits, e.g. badge DEADBEEF");
            return;
        }
        hardware.badge(uid);
        out.println(uid == null ? "card taken away" : "card " + uid + " on the reader");
    }

    static Key keyFor(char c) {
        return switch (c) {
            case 'r' -> Key.READY;
            case 'n' -> Key.NOT_READY;
            case 'b' -> Key.BUSY;
            case 'h' -> Key.HELP;
            default -> null;
        };
    }
}
