package dev.seatlink.terminal.display;

/** Which display a seat has. */
public enum DisplayKind {
    /** LCD 16x2 on a Raspberry Pi; in simulation, the same LCD on mock I2C mirrored to the console. */
    AUTO(16, 2, 0x27),
    NONE(0, 0, 0),
    /** The console only (20x4 layout). */
    CONSOLE(20, 4, 0),
    /** HD44780 16x2 behind a PCF8574 backpack. */
    LCD1602(16, 2, 0x27),
    /** HD44780 20x4 behind a PCF8574 backpack. */
    LCD2004(20, 4, 0x27),
    /** SSD1306 128x64 OLED (21x8 characters). */
    SSD1306(21, 8, 0x3C);

    private final int columns;
    private final int rows;
    private final int defaultAddress;

    DisplayKind(int columns, int rows, int defaultAddress) {
        this.columns = columns;
        this.rows = rows;
        this.defaultAddress = defaultAddress;
    }

    public int columns() {
        return columns;
    }

    public int rows() {
        return rows;
    }

    /** The usual I2C address of the part: 0x27 for PCF8574 backpacks, 0x3C for SSD1306 modules. */
    public int defaultAddress() {
        return defaultAddress;
    }

    /** AUTO made concrete. */
    public DisplayKind resolve() {
        return this == AUTO ? LCD1602 : this;
    }

    public boolean usesI2c() {
        return this != NONE && this != CONSOLE;
    }
}
