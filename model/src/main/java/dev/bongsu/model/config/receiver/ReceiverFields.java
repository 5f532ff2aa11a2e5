package dev.bongsu.model.config.receiver;

import dev.bongsu.model.config.ConfigNode;
import java.util.regex.Pattern;

/** Checks shared by the settings readers: URLs and secrets that must never be echoed in an error. */
final class ReceiverFields {
    private static final Pattern URL = Pattern.compile("https?://[^\\s/?#]+(:\\d+)?([/?#]\\S*)?");

    private ReceiverFields() {
    }

    /** An absolute http(s) URL; the value is never shown, since receiver URLs often carry a secret. */
    static String url(ConfigNode n) {
        String u = n.text();
        if (!URL.matcher(u).matches()) {
            throw n.secretError("an absolute http:// or https:// URL");
        }
        return u;
    }

    /** The URL under {@code n}, or {@code def} when absent. */
    static String urlOr(ConfigNode n, String def) {
        return n.isMissing() ? def : url(n);
    }

    /** A non-blank secret; the value is never shown. */
    static String secret(ConfigNode n, String expected) {
        String t = n.text();
        if (t.isBlank()) {
            throw n.secretError(expected);
        }
        return t;
    }

    /** The non-empty values among these, for {@link ReceiverSettings#secrets()}. */
    static java.util.List<String> present(String... values) {
        return java.util.Arrays.stream(values).filter(s -> s != null && !s.isEmpty()).toList();
    }
}
