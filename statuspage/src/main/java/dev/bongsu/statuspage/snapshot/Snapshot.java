package dev.bongsu.statuspage.snapshot;

import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.buffer.BufferInternal;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.zip.GZIPOutputStream;

/**
 * One pre-rendered answer: its bytes, the same bytes gzip'd, and a strong ETag for each.
 *
 * @param contentType  the Content-Type header
 * @param cacheControl the Cache-Control header
 * @param body         the plain bytes
 * @param gzipped      the gzip'd bytes
 * @param etag         strong ETag of the plain bytes, quoted
 * @param gzipEtag     strong ETag of the gzip'd bytes, quoted
 * @param bodyBuffer   the plain bytes in direct memory, written to sockets without a copy
 * @param gzippedBuffer the gzip'd bytes in direct memory
 */
public record Snapshot(String contentType, String cacheControl, byte[] body, byte[] gzipped, String etag, String gzipEtag,
                       Buffer bodyBuffer, Buffer gzippedBuffer) {
    /** Cache-Control of answers that change with the live state. */
    public static final String LIVE = "public, max-age=5, stale-while-revalidate=30";
    /** Cache-Control of answers about the past. */
    public static final String PAST = "public, max-age=60, stale-while-revalidate=300";

    /** Builds a snapshot of a text, compressing it and hashing it once. */
    public static Snapshot of(String contentType, String cacheControl, String text) {
        return of(contentType, cacheControl, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Builds a snapshot of bytes, compressing them and hashing them once. */
    public static Snapshot of(String contentType, String cacheControl, byte[] body) {
        String tag = hash(body);
        byte[] gz = gzip(body);
        return new Snapshot(contentType, cacheControl, body, gz, "\"" + tag + "\"", "\"" + tag + "-gz\"", direct(body), direct(gz));
    }

    /**
     * A buffer over JDK direct memory (freed by the garbage collector once the snapshot is dropped); Vert.x writes
     * an unreleasable slice of it, so one buffer serves every request.
     */
    private static Buffer direct(byte[] bytes) {
        ByteBuffer b = ByteBuffer.allocateDirect(Math.max(1, bytes.length));
        b.put(bytes).flip();
        return BufferInternal.buffer(Unpooled.wrappedBuffer(b));
    }

    private static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, body.length / 4));
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String hash(byte[] body) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(body);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(d).substring(0, 22);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
