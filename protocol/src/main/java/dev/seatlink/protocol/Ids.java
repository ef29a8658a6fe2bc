package dev.seatlink.protocol;

/** The identifier rule of the contract: lowercase {@code [a-z0-9][a-z0-9-]{0,31}}. */
public final class Ids {
    public static final int MAX_LENGTH = 32;

    private Ids() {
    }

    /** True when {@code value} is a valid site, floor, seat, team, agent or reason id. */
    public static boolean isValid(String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
            if (!alnum && !(c == '-' && i > 0)) {
                return false;
            }
        }
        return true;
    }

    /**
     * True when {@code value} is 1–{@code max} printable ASCII characters (spaces too when {@code spaces}, but not
     * only spaces): a token such as a boot id, or a name an outside system chose.
     */
    public static boolean isPrintable(String value, int max, boolean spaces) {
        int lowest = spaces ? 0x20 : 0x21;
        return value != null && !value.isEmpty() && value.length() <= max && !value.isBlank()
                && value.chars().allMatch(c -> c >= lowest && c < 0x7f);
    }

    /** A bounded, printable rendering of untrusted text for error messages and logs. */
    public static String printable(String value) {
        return printable(value, 40);
    }

    /** As {@link #printable(String)}, cut at {@code max} characters. */
    public static String printable(String value, int max) {
        if (value == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length() && out.length() < max; i++) {
            char c = value.charAt(i);
            out.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return value.length() > max ? out + "..." : out.toString();
    }
}
