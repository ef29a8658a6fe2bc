package dev.seatlink.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Fields of /proc/PID/status, such as VmRSS and VmHWM ("23456 kB" shown as "22.9 MB"). */
final class ProcStatus {
    private ProcStatus() {
    }

    static Map<String, String> read(long pid) throws IOException {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            int colon = line.indexOf(':');
            String value = line.substring(colon + 1).trim();
            if (value.endsWith(" kB")) {
                value = String.format("%.1f MB", Long.parseLong(value.substring(0, value.length() - 3)) / 1024.0);
            }
            fields.put(line.substring(0, colon), value);
        }
        return fields;
    }
}
