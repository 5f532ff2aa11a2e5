package dev.bongsu.statuspage.updates;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Locale;

/**
 * Globally unique update ids that sort roughly by creation time: {@code u-<ms base 36>-<12 random base-32 chars>}.
 * 60 random bits make a clash between two servers creating updates in the same millisecond negligible.
 */
final class UpdateIds {
    private static final char[] ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();
    private final SecureRandom random = new SecureRandom();

    /** A new id for an update created at {@code at}. */
    String next(Instant at) {
        StringBuilder b = new StringBuilder("u-").append(Long.toString(at.toEpochMilli(), 36).toLowerCase(Locale.ROOT)).append('-');
        for (int i = 0; i < 12; i++) {
            b.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return b.toString();
    }

    /** A prefix for the ids of one migration of old numbered rows: {@code old-<8 random chars>-}. */
    String migrationPrefix() {
        StringBuilder b = new StringBuilder("old-");
        for (int i = 0; i < 8; i++) {
            b.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return b.append('-').toString();
    }
}
