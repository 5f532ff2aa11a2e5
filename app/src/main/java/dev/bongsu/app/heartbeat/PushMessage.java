package dev.bongsu.app.heartbeat;

/** Makes a pushed {@code msg} safe to show and log: no control or bidirectional-format characters, at most 200 long. */
final class PushMessage {
    /** The longest message kept, in characters (code points); the rest is cut off with an ellipsis. */
    static final int MAX_CHARS = 200;

    private PushMessage() {
    }

    /** The cleaned message, or {@code null} when nothing is left. */
    static String clean(String msg) {
        if (msg == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        int kept = 0;
        boolean cut = false;
        for (int cp : msg.codePoints().toArray()) {
            boolean control = Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT
                    || Character.getType(cp) == Character.SURROGATE || cp == 0x2028 || cp == 0x2029;
            int c = control || Character.isWhitespace(cp) ? ' ' : cp;
            if (c == ' ' && (sb.isEmpty() || sb.charAt(sb.length() - 1) == ' ')) {
                continue;
            }
            if (kept == MAX_CHARS) {
                cut = true;
                break;
            }
            sb.appendCodePoint(c);
            kept++;
        }
        String out = sb.toString().strip();
        if (cut) {
            out = out.substring(0, out.offsetByCodePoints(0, Math.min(out.codePointCount(0, out.length()), MAX_CHARS - 1))) + "…";
        }
        return out.isEmpty() ? null : out;
    }
}
