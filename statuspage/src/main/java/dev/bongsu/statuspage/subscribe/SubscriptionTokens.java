package dev.bongsu.statuspage.subscribe;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The random parts of a subscriber and the tokens of its links: a token is HMAC-SHA256 of {@code id:purpose} under
 * the subscriber's own secret, so a confirm link cannot unsubscribe and nothing can be forged without the secret;
 * tokens are compared in constant time.
 */
public final class SubscriptionTokens {
    /** The purpose of a confirm link. */
    public static final String CONFIRM = "confirm";
    /** The purpose of an unsubscribe link. */
    public static final String UNSUBSCRIBE = "unsubscribe";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private SubscriptionTokens() {
    }

    /** A new subscriber id: 128 random bits, URL-safe. */
    public static String newId() {
        return random(16);
    }

    /** A new subscriber secret: 256 random bits, URL-safe. */
    public static String newSecret() {
        return random(32);
    }

    /** The token of a link for this purpose. */
    public static String token(Subscriber s, String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(s.secret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return B64.encodeToString(mac.doFinal((s.id() + ":" + purpose).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** Whether {@code given} is the token of this purpose, compared in constant time. */
    public static boolean matches(Subscriber s, String purpose, String given) {
        if (given == null) {
            return false;
        }
        return MessageDigest.isEqual(token(s, purpose).getBytes(StandardCharsets.US_ASCII), given.getBytes(StandardCharsets.UTF_8));
    }

    private static String random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return B64.encodeToString(b);
    }
}
