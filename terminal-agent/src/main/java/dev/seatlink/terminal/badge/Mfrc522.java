package dev.seatlink.terminal.badge;

import com.pi4j.io.spi.Spi;
import java.util.HexFormat;
import java.util.Optional;

/**
 * An NXP MFRC522 13.56 MHz reader on SPI, as its datasheet describes it: registers read and written one byte per
 * two-byte transfer (address {@code (reg << 1) & 0x7E}, {@code | 0x80} to read), and cards (ISO 14443 A) asked for
 * with REQA and their 4-byte UID read by the cascade level 1 anticollision command, checked by its BCC. The UID in
 * upper-case hex is the badge's number. Blocking; one caller at a time.
 */
public final class Mfrc522 {
    static final int COMMAND = 0x01;
    static final int COM_IRQ = 0x04;
    static final int ERROR = 0x06;
    static final int FIFO_DATA = 0x09;
    static final int FIFO_LEVEL = 0x0A;
    static final int BIT_FRAMING = 0x0D;
    static final int MODE = 0x11;
    static final int TX_CONTROL = 0x14;
    static final int TX_ASK = 0x15;
    static final int T_MODE = 0x2A;
    static final int T_PRESCALER = 0x2B;
    static final int T_RELOAD_H = 0x2C;
    static final int T_RELOAD_L = 0x2D;
    static final int VERSION = 0x37;

    static final int IDLE = 0x00;
    static final int TRANSCEIVE = 0x0C;
    static final int SOFT_RESET = 0x0F;
    static final int REQA = 0x26;
    static final int ANTICOLLISION_CL1 = 0x93;

    static final int RX_IRQ = 0x20;
    static final int IDLE_IRQ = 0x10;
    static final int TIMER_IRQ = 0x01;
    /** BufferOvfl, CollErr, ParityErr, ProtocolErr. */
    static final int ERRORS = 0x1B;
    /** Status polls before a transceive is given up (the chip's own timer ends it after ~25 ms). */
    static final int POLLS = 200;

    private final Spi spi;

    public Mfrc522(Spi spi) {
        this.spi = spi;
    }

    /** Resets the chip, sets its timer for card timeouts and turns the antenna on; returns its version register. */
    public int init() {
        write(COMMAND, SOFT_RESET);
        write(T_MODE, 0x8D);       // the timer starts after each transmission...
        write(T_PRESCALER, 0x3E);  // ...ticking at about 40 kHz,
        write(T_RELOAD_H, 0);
        write(T_RELOAD_L, 30);     // so a card has about 25 ms to answer
        write(TX_ASK, 0x40);       // 100 % ASK modulation
        write(MODE, 0x3D);         // CRC preset 0x6363
        write(TX_CONTROL, read(TX_CONTROL) | 0x03);
        return read(VERSION);
    }

    /** The UID of the card in the field, if one answers. */
    public Optional<String> readCard() {
        write(BIT_FRAMING, 0x07); // REQA is a short frame of 7 bits
        if (transceive(new byte[] {REQA}).map(atqa -> atqa.length != 2).orElse(true)) {
            return Optional.empty();
        }
        write(BIT_FRAMING, 0x00);
        return transceive(new byte[] {(byte) ANTICOLLISION_CL1, 0x20}).filter(answer -> answer.length == 5)
                .filter(answer -> (answer[0] ^ answer[1] ^ answer[2] ^ answer[3]) == answer[4])
                .map(answer -> HexFormat.of().withUpperCase().formatHex(answer, 0, 4));
    }

    private Optional<byte[]> transceive(byte[] frame) {
        write(COMMAND, IDLE);
        write(COM_IRQ, 0x7F);      // clear every interrupt bit
        write(FIFO_LEVEL, 0x80);   // flush the FIFO
        for (byte b : frame) {
            write(FIFO_DATA, b & 0xFF);
        }
        write(COMMAND, TRANSCEIVE);
        write(BIT_FRAMING, read(BIT_FRAMING) | 0x80); // StartSend
        int irq = 0;
        for (int i = 0; i < POLLS && (irq & (RX_IRQ | IDLE_IRQ | TIMER_IRQ)) == 0; i++) {
            irq = read(COM_IRQ);
        }
        write(BIT_FRAMING, read(BIT_FRAMING) & 0x7F);
        if ((irq & (RX_IRQ | IDLE_IRQ)) == 0 || (read(ERROR) & ERRORS) != 0) {
            return Optional.empty(); // no card (the timer ran out), or a garbled answer
        }
        int n = Math.min(read(FIFO_LEVEL), 64);
        byte[] answer = new byte[n];
        for (int i = 0; i < n; i++) {
            answer[i] = (byte) read(FIFO_DATA);
        }
        return Optional.of(answer);
    }

    private void write(int register, int value) {
        spi.transfer(new byte[] {(byte) ((register << 1) & 0x7E), (byte) value}, 0, new byte[2], 0, 2);
    }

    private int read(int register) {
        byte[] answer = new byte[2];
        spi.transfer(new byte[] {(byte) (((register << 1) & 0x7E) | 0x80), 0}, 0, answer, 0, 2);
        return answer[1] & 0xFF;
    }
}
