package dev.bongsu.app.heartbeat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A heartbeat check's token, judged in constant time: both sides are hashed first, so neither the content nor the
 * length of the configured token shows in how long a wrong guess takes.
 */
final class PushToken {
    /** What a request's credentials come to. */
    enum Verdict { ACCEPTED, MISSING, WRONG }

    private static final String SCHEME = "Bearer ";
    private final byte[] digest;

    /** The token of a check; {@code null}: the check takes pushes without one. */
    PushToken(String token) {
        this.digest = token == null ? null : sha256(token);
    }

    /** Judges a request's {@code Authorization} header and {@code token} query parameter (either may be null). */
    Verdict judge(String authorization, String queryToken) {
        if (digest == null) {
            return Verdict.ACCEPTED;
        }
        String given = bearer(authorization);
        if (given == null) {
            given = queryToken == null || queryToken.isEmpty() ? null : queryToken;
        }
        if (given == null) {
            return Verdict.MISSING;
        }
        return MessageDigest.isEqual(sha256(given), digest) ? Verdict.ACCEPTED : Verdict.WRONG;
    }

    private static String bearer(String header) {
        if (header == null || header.length() <= SCHEME.length() || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return null;
        }
        String credentials = header.substring(SCHEME.length()).trim();
        return credentials.isEmpty() ? null : credentials;
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
