package dev.seatlink.terminal.hardware;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** The optional active buzzer: a short beep, never blocking the caller. */
public final class Buzzer {
    public static final String ID = "buzzer";
    static final long BEEP_MS = 120;

    private final DigitalOutput output;
    private final ScheduledExecutorService timer;

    public Buzzer(Context pi4j, String provider, int pin, ScheduledExecutorService timer) {
        var config = DigitalOutput.newConfigBuilder(pi4j)
                .id(ID)
                .name("buzzer")
                .address(pin)
                .initial(DigitalState.LOW)
                .shutdown(DigitalState.LOW)
                .provider(provider)
                .build();
        output = Gpio.open(() -> pi4j.create(config), "buzzer", pin);
        this.timer = timer;
    }

    /** Sounds for {@value #BEEP_MS} ms. */
    public void beep() {
        output.high();
        timer.schedule(output::low, BEEP_MS, TimeUnit.MILLISECONDS);
    }
}
