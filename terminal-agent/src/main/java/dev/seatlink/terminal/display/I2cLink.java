package dev.seatlink.terminal.display;

/** Writes to one I2C device. A failure (device gone, bus error) is thrown as a RuntimeException. */
@FunctionalInterface
public interface I2cLink {
    void write(byte[] bytes);
}
