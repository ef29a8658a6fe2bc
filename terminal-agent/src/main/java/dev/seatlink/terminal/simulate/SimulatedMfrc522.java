package dev.seatlink.terminal.simulate;

import com.pi4j.io.spi.Spi;
import com.pi4j.io.spi.SpiConfig;
import com.pi4j.io.spi.SpiProvider;
import com.pi4j.plugin.mock.provider.spi.MockSpi;
import com.pi4j.plugin.mock.provider.spi.MockSpiProviderImpl;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;

/**
 * An MFRC522 on Pi4J's mock SPI, answering its register protocol as the chip does for the reader's commands —
 * soft reset, the FIFO, Transceive with REQA and cascade level 1 anticollision — with a card put in its field
 * ({@link #present}) or none. Enough of the chip for the terminal's driver, its tests and the laptop simulation.
 */
public final class SimulatedMfrc522 extends MockSpi {
    private static final int COMMAND = 0x01;
    private static final int COM_IRQ = 0x04;
    private static final int ERROR = 0x06;
    private static final int FIFO_DATA = 0x09;
    private static final int FIFO_LEVEL = 0x0A;
    private static final int BIT_FRAMING = 0x0D;
    private static final int VERSION = 0x37;
    private static final int TRANSCEIVE = 0x0C;
    private static final int SOFT_RESET = 0x0F;

    private final int[] registers = new int[64];
    private final Deque<Integer> fifo = new ArrayDeque<>();
    private volatile byte[] card;
    /** Whether the card answered the last REQA and was not yet put back to sleep (it then ignores the next REQA). */
    private boolean awake;

    public SimulatedMfrc522(SpiProvider provider, SpiConfig config) {
        super(provider, config);
        reset();
    }

    /** A card with this UID (8 hex digits) in the field; null takes it away. */
    public void present(String uidHex) {
        card = uidHex == null ? null : HexFormat.of().parseHex(uidHex);
    }

    @Override
    public synchronized int transfer(byte[] write, int writeOffset, byte[] read, int readOffset, int length) {
        int address = write[writeOffset] & 0xFF;
        int register = (address >> 1) & 0x3F;
        boolean reading = (address & 0x80) != 0;
        if (length > 1) {
            read[readOffset + 1] = (byte) (reading ? readRegister(register) : 0);
            if (!reading) {
                writeRegister(register, write[writeOffset + 1] & 0xFF);
            }
        }
        return length;
    }

    private int readRegister(int register) {
        return switch (register) {
            case FIFO_DATA -> fifo.isEmpty() ? 0 : fifo.removeFirst();
            case FIFO_LEVEL -> fifo.size();
            default -> registers[register];
        };
    }

    private void writeRegister(int register, int value) {
        switch (register) {
            case COMMAND -> {
                registers[COMMAND] = value;
                if (value == SOFT_RESET) {
                    reset();
                }
            }
            case COM_IRQ -> registers[COM_IRQ] = (value & 0x80) != 0 ? registers[COM_IRQ] | (value & 0x7F)
                    : registers[COM_IRQ] & ~value;
            case FIFO_DATA -> fifo.addLast(value);
            case FIFO_LEVEL -> {
                if ((value & 0x80) != 0) {
                    fifo.clear();
                }
            }
            case BIT_FRAMING -> {
                registers[BIT_FRAMING] = value & 0x7F;
                if ((value & 0x80) != 0 && registers[COMMAND] == TRANSCEIVE) {
                    transceive();
                }
            }
            default -> registers[register] = value;
        }
    }

    /** What the card in the field answers the frame in the FIFO. */
    private void transceive() {
        int[] frame = fifo.stream().mapToInt(Integer::intValue).toArray();
        fifo.clear();
        byte[] uid = card;
        registers[ERROR] = 0;
        boolean reqa = frame.length == 1 && frame[0] == 0x26 && (registers[BIT_FRAMING] & 0x07) == 7;
        boolean anticollision = frame.length == 2 && frame[0] == 0x93 && frame[1] == 0x20;
        if (uid == null || reqa && awake) {
            awake = false;
            registers[COM_IRQ] |= 0x01; // the timer ran out: nobody answered
            return;
        }
        if (reqa) {
            awake = true;
            fifo.addLast(0x04); // ATQA of a 4-byte-UID card
            fifo.addLast(0x00);
        } else if (anticollision && awake) {
            int bcc = 0;
            for (byte b : uid) {
                fifo.addLast(b & 0xFF);
                bcc ^= b & 0xFF;
            }
            fifo.addLast(bcc);
        } else {
            registers[COM_IRQ] |= 0x01;
            return;
        }
        registers[COM_IRQ] |= 0x30; // RxIRq | IdleIRq
    }

    private void reset() {
        java.util.Arrays.fill(registers, 0);
        registers[VERSION] = 0x92; // version 2.0
        fifo.clear();
        awake = false;
    }

    /** Pi4J's mock SPI provider making this chip: add it to a context and create an SPI with its id. */
    public static final class Provider extends MockSpiProviderImpl {
        @Override
        public Spi create(SpiConfig config) {
            return new SimulatedMfrc522(this, config);
        }
    }
}
