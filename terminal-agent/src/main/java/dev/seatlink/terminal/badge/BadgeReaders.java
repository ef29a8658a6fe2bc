package dev.seatlink.terminal.badge;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.spi.Spi;
import com.pi4j.io.spi.SpiChipSelect;
import com.pi4j.library.pigpio.PiGpio;
import com.pi4j.plugin.pigpio.provider.spi.PiGpioSpiProvider;

/** The badge reader a Pi's {@code badgeReader} key names. */
public final class BadgeReaders {
    static final int SPI_BAUD = 1_000_000;

    private BadgeReaders() {
    }

    /** On a Pi: the keyboard-wedge device as it is, the MFRC522 through the pigpiod daemon's socket. */
    public static BadgeReader onPi(BadgeReaderSpec spec) {
        return switch (spec.kind()) {
            case NONE -> BadgeReader.NONE;
            case EVDEV -> new KeyboardWedgeReader(spec.device(), EvdevKeys.nativeEventBytes());
            case MFRC522 -> {
                Context context = Pi4J.newContextBuilder().noAutoDetect()
                        .add(PiGpioSpiProvider.newInstance(PiGpio.newSocketInstance())).build();
                yield new Mfrc522Reader(new Mfrc522(spi(context, PiGpioSpiProvider.ID, spec)));
            }
        };
    }

    /** An SPI device for the MFRC522 from {@code provider} in {@code context} (a Pi's, or the simulation's mock). */
    public static Spi spi(Context context, String provider, BadgeReaderSpec spec) {
        return context.create(Spi.newConfigBuilder(context).id("badge-reader").name("MFRC522")
                .bus(spec.spiBus()).chipSelect(SpiChipSelect.getByNumber(spec.chipSelect())).baud(SPI_BAUD).mode(0)
                .provider(provider).build());
    }
}
