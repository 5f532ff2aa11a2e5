package dev.bongsu.statuspage.subscribe;

import dev.bongsu.model.config.BongsuConfig;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * The absolute links sent to a subscriber, on {@code statusPage.publicUrl} (or {@code http.publicUrl}, the server's
 * own address, when it is not set): {@code /subscriptions/confirm?id=…&token=…} and {@code /unsubscribe?id=…&token=…}.
 */
public final class SubscriptionLinks {
    /** The path of the confirm page. */
    public static final String CONFIRM_PATH = "/subscriptions/confirm";
    /** The path of the unsubscribe page (and of the RFC 8058 one-click POST). */
    public static final String UNSUBSCRIBE_PATH = "/unsubscribe";

    private final Supplier<String> base;

    /** Links on this base URL (no trailing slash needed). */
    public SubscriptionLinks(String base) {
        String fixed = trimmed(base);
        this.base = () -> fixed;
    }

    /** Links on whatever base URL {@code base} gives when a link is made (it changes with a reload). */
    public SubscriptionLinks(Supplier<String> base) {
        this.base = () -> trimmed(base.get());
    }

    private static String trimmed(String base) {
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** Links on the page's public address. */
    public static SubscriptionLinks of(BongsuConfig cfg) {
        return new SubscriptionLinks(cfg.pageUrl());
    }

    /** The confirm link of a subscriber, on the page's public address. */
    public static String confirmUrl(BongsuConfig cfg, Subscriber s) {
        return of(cfg).confirmUrl(s);
    }

    /** The unsubscribe link of a subscriber, on the page's public address. */
    public static String unsubscribeUrl(BongsuConfig cfg, Subscriber s) {
        return of(cfg).unsubscribeUrl(s);
    }

    /** The base URL, without a trailing slash. */
    public String base() {
        return base.get();
    }

    /** The absolute confirm link. */
    public String confirmUrl(Subscriber s) {
        return base() + CONFIRM_PATH + query(s, SubscriptionTokens.CONFIRM);
    }

    /** The absolute unsubscribe link (also the {@code List-Unsubscribe} target for RFC 8058 one-click POSTs). */
    public String unsubscribeUrl(Subscriber s) {
        return base() + UNSUBSCRIBE_PATH + query(s, SubscriptionTokens.UNSUBSCRIBE);
    }

    private static String query(Subscriber s, String purpose) {
        return "?id=" + URLEncoder.encode(s.id(), StandardCharsets.UTF_8) + "&token="
                + URLEncoder.encode(SubscriptionTokens.token(s, purpose), StandardCharsets.UTF_8);
    }
}
