package dev.seatlink.link;

/** MQTT's topic-filter matching ({@code +} one level, {@code #} the rest), for telling which subscription a message came through. */
public final class TopicFilter {
    private TopicFilter() {
    }

    public static boolean matches(String filter, String topic) {
        String[] want = filter.split("/", -1);
        String[] got = topic.split("/", -1);
        for (int i = 0; i < want.length; i++) {
            if (want[i].equals("#")) {
                return true;
            }
            if (i >= got.length || !want[i].equals("+") && !want[i].equals(got[i])) {
                return false;
            }
        }
        return want.length == got.length;
    }
}
