package dev.bongsu.model.config;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;

/** Reads the top-level {@code smtp} section. */
final class SmtpSection {
    private static final Pattern ADDRESS = Pattern.compile("[^\\s<>@,;\"]+@[^\\s<>@,;\"]+\\.[^\\s<>@,;\"]+|[^\\s<>@,;\"]+@localhost");
    private static final Pattern NAMED = Pattern.compile("[^<>\"\\r\\n]*<([^<>]+)>");

    private SmtpSection() {
    }

    /** The settings, or {@code null} when the section is absent. */
    static SmtpConfig read(ConfigNode n) {
        if (n.isMissing()) {
            return null;
        }
        n.allowOnly("host", "port", "startTls", "ssl", "username", "password", "from", "replyTo", "timeout");
        String host = n.require("host").nonEmptyText();
        int port = n.get("port").integerOr(587, 1, 65535);
        boolean ssl = n.get("ssl").boolOr(port == 465);
        SmtpConfig.StartTls startTls = SmtpConfig.StartTls.valueOf(
                n.get("startTls").choiceOr(ssl ? "disabled" : "required", "required", "optional", "disabled").toUpperCase(Locale.ROOT));
        if (ssl && startTls != SmtpConfig.StartTls.DISABLED) {
            throw n.get("startTls").problem("ssl: true already encrypts the connection from the start; leave startTls out or write disabled");
        }
        String username = n.get("username").isMissing() ? null : n.get("username").nonEmptyText();
        String password = n.get("password").isMissing() ? null : n.get("password").text();
        if (password != null && username == null) {
            throw n.get("password").problem("a password needs a username");
        }
        return new SmtpConfig(host, port, startTls, ssl, username, password, address(n.require("from")),
                n.get("replyTo").isMissing() ? null : address(n.get("replyTo")),
                n.get("timeout").durationOr(Duration.ofSeconds(30), Duration.ofSeconds(1), Duration.ofMinutes(10)));
    }

    /** An address {@code a@b.c} or {@code Name <a@b.c>} on one line. */
    private static String address(ConfigNode n) {
        String s = n.nonEmptyText().trim();
        var named = NAMED.matcher(s);
        String bare = named.matches() ? named.group(1).trim() : s;
        if (s.indexOf('\r') >= 0 || s.indexOf('\n') >= 0 || !ADDRESS.matcher(bare).matches()) {
            throw n.error("an e-mail address such as status@example.com or \"Bongsu <status@example.com>\"");
        }
        return s;
    }
}
