package dev.seatlink.terminal.hardware;

import dev.seatlink.protocol.AgentState;
import dev.seatlink.terminal.badge.BadgeReaderSpec;
import dev.seatlink.terminal.display.DisplayKind;
import java.util.Map;

/**
 * How a seat's parts are wired and behave (the {@code pin.*}, {@code buttons.*}, {@code light.*},
 * {@code headset.*} and {@code display*} keys of {@code terminal.properties}).
 *
 * @param debounceMs           button debounce
 * @param colours              light colour per state
 * @param notReadyLimitSeconds not ready longer than this double-blinks the light
 * @param headsetSense         pulling the headset while READY makes the seat not ready
 * @param i2cBus               the display's I2C bus (1 on every current Pi)
 * @param i2cAddress           the display's I2C address
 */
public record SeatHardware(PinMap pins, long debounceMs, LightType lightType, Map<AgentState, Colour> colours,
                           int notReadyLimitSeconds, boolean headsetSense, DisplayKind display, int i2cBus,
                           int i2cAddress, BadgeReaderSpec badgeReader) {
    public SeatHardware {
        colours = Map.copyOf(colours);
    }
}
