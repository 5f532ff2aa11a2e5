package dev.bongsu.statuspage.embed;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The widget's one inline stylesheet and its CSP hash source, so that the widget needs no second request and its
 * policy still allows no style but this one.
 */
public final class EmbedStyle {
    /** The stylesheet, exactly as written between {@code <style>} and {@code </style>}. */
    public static final String CSS = "body{margin:0;font:14px/1.4 system-ui,-apple-system,'Segoe UI','Noto Sans KR',sans-serif;"
            + "color:#1f2328;background:#fff}"
            + ".w{border:1px solid #d0d7de;border-radius:8px;padding:10px 12px;max-width:480px}"
            + ".t{margin:0 0 6px;font-weight:700}.t a{color:inherit;text-decoration:none}"
            + ".s{margin:0 0 6px;padding:6px 10px;border-radius:6px;color:#fff;font-weight:700}"
            + ".o-operational,.s-up{background:#1a7f37}.o-degraded,.s-degraded{background:#9a6700}"
            + ".o-partial_outage{background:#bc4c00}.o-major_outage,.s-down{background:#cf222e}.o-no_data,.s-unknown{background:#6e7781}"
            + ".o-maintenance,.s-maintenance{background:#0969da}"
            + "ul{margin:0 0 6px;padding-left:18px}li{margin:2px 0}"
            + ".r{display:inline-block;min-width:1.2em;padding:0 6px;border-radius:4px;color:#fff;font-size:12px}"
            + ".f{margin:0;font-size:12px;color:#57606a}.f a{color:#0969da}";
    /** The CSP source allowing exactly {@link #CSS}, e.g. {@code 'sha256-…'}. */
    public static final String CSP_SOURCE = "'sha256-" + sha256(CSS) + "'";

    private EmbedStyle() {
    }

    private static String sha256(String s) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
