package dev.bongsu.alerting.ack;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed acknowledgement links: {@code {base}/api/v1/ack/{incidentId}?exp={epoch seconds}&sig={HMAC-SHA256}}. The
 * signature covers the incident id and the expiry, so a link acknowledges one incident only, until it expires, and
 * cannot be made without the key. Pure: time is an input.
 */
public final class AckLinks {
    /** The path of a link, before the incident id. */
    public static final String PATH = "/api/v1/ack/";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    /** What a presented link is worth. */
    public enum Verdict {
        /** Signed by our key and not expired. */
        VALID,
        /** Signed by our key but past its expiry. */
        EXPIRED,
        /** Missing, malformed or not signed by our key. */
        FORGED
    }

    private final byte[] key;
    private final String baseUrl;
    private final Duration validity;

    /**
     * Links under a base URL.
     *
     * @param key      the signing key (at least 16 bytes)
     * @param baseUrl  the public base URL, e.g. {@code https://status.example.kr}
     * @param validity how long a link is usable after it was made
     */
    public AckLinks(byte[] key, String baseUrl, Duration validity) {
        if (key.length < 16) {
            throw new IllegalArgumentException("an acknowledgement key needs at least 16 bytes");
        }
        this.key = key.clone();
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.validity = Objects.requireNonNull(validity, "validity");
    }

    /** The link that acknowledges {@code incidentId}, made at {@code now} and valid for the configured time. */
    public String url(String incidentId, Instant now) {
        long exp = now.plus(validity).getEpochSecond();
        return baseUrl + PATH + URLEncoder.encode(incidentId, StandardCharsets.UTF_8) + "?exp=" + exp + "&sig=" + signature(incidentId, exp);
    }

    /** Checks a presented link's parts ({@code exp} and {@code sig} as given, possibly {@code null}) at {@code now}. */
    public Verdict check(String incidentId, String exp, String sig, Instant now) {
        if (incidentId == null || exp == null || sig == null || !exp.matches("\\d{1,12}")) {
            return Verdict.FORGED;
        }
        long expiry = Long.parseLong(exp);
        byte[] expected = signature(incidentId, expiry).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, sig.getBytes(StandardCharsets.UTF_8))) {
            return Verdict.FORGED;
        }
        return now.getEpochSecond() > expiry ? Verdict.EXPIRED : Verdict.VALID;
    }

    private String signature(String incidentId, long exp) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return B64.encodeToString(mac.doFinal(("ack\n" + incidentId + "\n" + exp).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
