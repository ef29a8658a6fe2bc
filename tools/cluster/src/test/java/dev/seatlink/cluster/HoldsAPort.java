package dev.seatlink.cluster;

import java.io.IOException;

/**
 * Another process that chooses ports, for {@link StablePortsTest}: prints the port it chose (or, given one, whether
 * it could reserve that one), then holds it until its stdin ends.
 */
final class HoldsAPort {
    private HoldsAPort() {
    }

    public static void main(String[] args) throws IOException {
        System.out.println(args.length == 0 ? String.valueOf(StablePorts.next())
                : String.valueOf(StablePorts.reserve(Integer.parseInt(args[0]))));
        System.out.flush();
        while (System.in.read() >= 0) {
            // held until the test closes our stdin
        }
    }
}
