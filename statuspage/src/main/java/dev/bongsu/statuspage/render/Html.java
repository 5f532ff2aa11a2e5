package dev.bongsu.statuspage.render;

import org.apache.commons.text.StringEscapeUtils;

/** Escaping of every text that goes into HTML, XML or SVG. */
public final class Html {
    private Html() {
    }

    /**
     * The text escaped for HTML and XML 1.0 by Commons Text ({@code & < > " '} become entities); characters XML does
     * not allow (control characters, U+FFFE, U+FFFF, lone surrogates — possible in texts stored before they were
     * checked at the door) are left out, so a page or feed stays well-formed. {@code null} becomes empty.
     */
    public static String esc(Object value) {
        return value == null ? "" : StringEscapeUtils.escapeXml10(value.toString());
    }

    /** A path segment made safe for a URL (ids are already restricted by config; this is defence in depth). */
    public static String seg(String id) {
        return java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8);
    }
}
