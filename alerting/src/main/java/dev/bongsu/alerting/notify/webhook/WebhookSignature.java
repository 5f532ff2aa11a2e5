package dev.bongsu.alerting.notify.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The webhook signatures. The current one, {@code X-Bongsu-Signature: t=<unix seconds>,v1=<hex>}, is the
 * HMAC-SHA256 of {@code "<unix seconds>." + body}, so a captured delivery cannot be replayed with a fresh timestamp
 * and an old one is refused by the receiver's tolerance window. The legacy one, {@code sha256=<hex>}, covers the body
 * alone (deprecated; kept for one release behind {@code signature: legacy}).
 */
public final class WebhookSignature {
    /** The window a receiver should accept timestamps in, as docs/WEBHOOKS.md recommends. */
    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

    private WebhookSignature() {
    }

    /** The {@code X-Bongsu-Signature} value for this body signed at {@code epochSecond}. */
    public static String of(long epochSecond, byte[] body, String secret) {
        return "t=" + epochSecond + ",v1=" + hex(signedContent(epochSecond, body), secret);
    }

    /** The deprecated body-only value {@code sha256=<hex>}. */
    public static String legacy(byte[] body, String secret) {
        return "sha256=" + hex(body, secret);
    }

    /**
     * What a receiver does: whether {@code header} is a valid current signature of {@code body} whose timestamp lies
     * within {@code tolerance} of {@code now}. Compares in constant time.
     */
    public static boolean verify(String header, byte[] body, String secret, Instant now, Duration tolerance) {
        if (header == null) {
            return false;
        }
        Long t = null;
        String v1 = null;
        for (String part : header.split(",")) {
            if (part.startsWith("t=")) {
                try {
                    t = Long.parseLong(part.substring(2));
                } catch (NumberFormatException e) {
                    return false;
                }
            } else if (part.startsWith("v1=")) {
                v1 = part.substring(3);
            }
        }
        if (t == null || v1 == null || Math.abs(now.getEpochSecond() - t) > tolerance.toSeconds()) {
            return false;
        }
        byte[] expected = hex(signedContent(t, body), secret).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, v1.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] signedContent(long epochSecond, byte[] body) {
        byte[] prefix = (epochSecond + ".").getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, out, 0, prefix.length);
        System.arraycopy(body, 0, out, prefix.length, body.length);
        return out;
    }

    private static String hex(byte[] content, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(content));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
