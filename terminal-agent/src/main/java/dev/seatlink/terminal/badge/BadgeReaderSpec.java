package dev.seatlink.terminal.badge;

import java.nio.file.Path;

/**
 * The {@code badgeReader} key: {@code none} (the seat's config names its agent), {@code evdev:/dev/input/…} (a USB
 * keyboard-wedge reader's input device) or {@code mfrc522[:BUS:CS]} (an MFRC522 on SPI bus 0, chip select 0 unless
 * given, through the pigpiod daemon).
 */
public record BadgeReaderSpec(Kind kind, Path device, int spiBus, int chipSelect) {
    public static final BadgeReaderSpec NONE = new BadgeReaderSpec(Kind.NONE, null, 0, 0);

    /** Which reader. */
    public enum Kind { NONE, EVDEV, MFRC522 }

    /** @throws IllegalArgumentException saying what the value should be */
    public static BadgeReaderSpec parse(String value) {
        String v = value == null ? "none" : value.strip();
        if (v.isEmpty() || v.equals("none")) {
            return NONE;
        }
        if (v.startsWith("evdev:") && v.length() > "evdev:".length()) {
            return new BadgeReaderSpec(Kind.EVDEV, Path.of(v.substring("evdev:".length())), 0, 0);
        }
        if (v.equals("mfrc522")) {
            return new BadgeReaderSpec(Kind.MFRC522, null, 0, 0);
        }
        String[] parts = v.split(":");
        if (parts.length == 3 && parts[0].equals("mfrc522") && parts[1].matches("[0-9]") && parts[2].matches("[0-2]")) {
            return new BadgeReaderSpec(Kind.MFRC522, null, Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
        }
        throw new IllegalArgumentException("none, evdev:/dev/input/... or mfrc522[:BUS:CS] (e.g. mfrc522:0:0)");
    }
}
