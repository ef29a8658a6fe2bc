package dev.seatlink.terminal.hardware;

/**
 * How the three light outputs are wired.
 *
 * <ul>
 *   <li>{@code RGB}: one common-cathode RGB LED; the outputs are its red, green and blue channels and
 *       colours mix (amber = red + green).</li>
 *   <li>{@code DISCRETE}: three single LEDs, red on the red pin, green on the green pin and amber on
 *       the blue pin. Amber lights the amber LED; blue and purple, which three such LEDs cannot show,
 *       light red and amber together; white lights all three.</li>
 * </ul>
 */
public enum LightType {
    RGB,
    DISCRETE;

    /** The levels of the red, green and blue pins for {@code colour}. */
    public boolean[] pins(Colour colour) {
        if (this == RGB) {
            return new boolean[] {colour.red(), colour.green(), colour.blue()};
        }
        return switch (colour) {
            case OFF -> new boolean[] {false, false, false};
            case GREEN -> new boolean[] {false, true, false};
            case RED -> new boolean[] {true, false, false};
            case AMBER -> new boolean[] {false, false, true};
            case BLUE, PURPLE -> new boolean[] {true, false, true};
            case WHITE -> new boolean[] {true, true, true};
        };
    }
}
