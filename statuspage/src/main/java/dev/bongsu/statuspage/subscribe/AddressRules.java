package dev.bongsu.statuspage.subscribe;

import dev.bongsu.statuspage.api.BadParameter;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a subscriber's address may be. An e-mail address: at most 254 characters, exactly one {@code @}, a local part
 * of at most 64 printable ASCII characters without spaces or the specials {@code "(),:;<>[\]}, a domain of at least
 * two dot-separated labels of letters, digits and hyphens. A webhook: an absolute {@code http}/{@code https} URL of at
 * most 2048 characters, without user info or fragment, and (unless allowed) not naming a loopback, private or
 * link-local IP address. Messages name the field and what is allowed, never echo a long value.
 */
public final class AddressRules {
    /** The longest e-mail address (RFC 5321 path limit less the brackets). */
    public static final int MAX_EMAIL = 254;
    /** The longest webhook URL. */
    public static final int MAX_URL = 2048;
    private static final Pattern LOCAL = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}");
    private static final Pattern LABEL = Pattern.compile("[\\p{L}\\p{N}]([\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?");

    private AddressRules() {
    }

    /** The address trimmed, its domain in lower case; a {@link BadParameter} naming {@code email} when it is not one. */
    public static String email(String raw) {
        String s = raw == null ? "" : raw.strip();
        if (s.isEmpty()) {
            throw new BadParameter("email: required, e.g. reader@example.com");
        }
        if (s.length() > MAX_EMAIL) {
            throw new BadParameter("email: at most " + MAX_EMAIL + " characters, found " + s.length());
        }
        int at = s.indexOf('@');
        if (at <= 0 || at != s.lastIndexOf('@') || at == s.length() - 1) {
            throw new BadParameter("email: expected one address with exactly one @, e.g. reader@example.com");
        }
        String local = s.substring(0, at);
        String domain = s.substring(at + 1).toLowerCase(Locale.ROOT);
        if (!LOCAL.matcher(local).matches() || local.startsWith(".") || local.endsWith(".") || local.contains("..")) {
            throw new BadParameter("email: the part before @ may have up to 64 letters, digits and .!#$%&'*+/=?^_`{|}~- "
                    + "(no spaces, no dot at either end, no two dots in a row)");
        }
        String[] labels = domain.split("\\.", -1);
        boolean ok = labels.length >= 2;
        for (String l : labels) {
            ok &= LABEL.matcher(l).matches();
        }
        if (!ok) {
            throw new BadParameter("email: the part after @ must be a domain such as example.com");
        }
        return local + "@" + domain;
    }

    /** The URL trimmed; a {@link BadParameter} naming {@code webhook} when it cannot be used. */
    public static String webhook(String raw, boolean allowPrivate) {
        String s = raw == null ? "" : raw.strip();
        if (s.isEmpty()) {
            throw new BadParameter("webhook: required, an https:// URL");
        }
        if (s.length() > MAX_URL) {
            throw new BadParameter("webhook: at most " + MAX_URL + " characters, found " + s.length());
        }
        if (s.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
            throw new BadParameter("webhook: a URL without spaces or control characters");
        }
        URI u;
        try {
            u = new URI(s);
        } catch (URISyntaxException e) {
            throw new BadParameter("webhook: not a URL; expected an absolute http:// or https:// URL");
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || u.getHost() == null || u.getHost().isEmpty()) {
            throw new BadParameter("webhook: expected an absolute http:// or https:// URL with a host");
        }
        if (u.getRawUserInfo() != null || u.getRawFragment() != null) {
            throw new BadParameter("webhook: a URL without user name, password or #fragment");
        }
        if (!allowPrivate && privateHost(u.getHost())) {
            throw new BadParameter("webhook: the host must be a public address, not localhost, a loopback, private or link-local IP");
        }
        return s;
    }

    /** Whether the host is localhost or an IP literal in a loopback, private, link-local or unspecified range. */
    static boolean privateHost(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.equals("localhost") || h.endsWith(".localhost")) {
            return true;
        }
        boolean v6 = h.startsWith("[") && h.endsWith("]");
        boolean v4 = h.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
        if (!v6 && !v4) {
            return false;
        }
        try {
            // a literal: no lookup happens
            InetAddress a = InetAddress.getByName(v6 ? h.substring(1, h.length() - 1) : h);
            return a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress() || a.isAnyLocalAddress()
                    || (a.getAddress().length == 16 && (a.getAddress()[0] & 0xfe) == 0xfc);
        } catch (java.net.UnknownHostException e) {
            return true;
        }
    }
}
