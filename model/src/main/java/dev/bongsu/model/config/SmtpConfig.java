package dev.bongsu.model.config;

import java.time.Duration;
import java.util.Objects;

/**
 * The SMTP server subscription e-mails are sent through. Read from the top-level {@code smtp} section; absent, no
 * e-mail is sent (webhook subscribers still are).
 *
 * @param host     the server's host name
 * @param port     its port (587 submission, 465 implicit TLS, 25)
 * @param startTls whether the plain connection must, may or must not be upgraded with STARTTLS
 * @param ssl      implicit TLS from the first byte (port 465)
 * @param username the login, or {@code null} to send without authentication
 * @param password the password (from the environment, {@code ${SMTP_PASSWORD}}), or {@code null}
 * @param from     the sender address, e.g. {@code status@example.com} or {@code Bongsu <status@example.com>}
 * @param replyTo  where replies go, or {@code null}
 * @param timeout  the longest a connection or one message may take
 */
public record SmtpConfig(String host, int port, StartTls startTls, boolean ssl, String username, String password, String from,
                         String replyTo, Duration timeout) {

    /** How STARTTLS is used on a plain connection. */
    public enum StartTls {
        /** Refuse to send unless the server offers STARTTLS (the default). */
        REQUIRED,
        /** Upgrade when the server offers it. */
        OPTIONAL,
        /** Never upgrade (a relay on loopback, tests). */
        DISABLED
    }

    public SmtpConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(startTls, "startTls");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(timeout, "timeout");
    }

    /** The domain of the sender address, used in Message-IDs. */
    public String fromDomain() {
        String a = from.contains("<") ? from.substring(from.indexOf('<') + 1, from.lastIndexOf('>')) : from;
        int at = a.lastIndexOf('@');
        return at < 0 ? host : a.substring(at + 1).trim();
    }

    @Override
    public String toString() {
        return "SmtpConfig[host=" + host + ", port=" + port + ", startTls=" + startTls + ", ssl=" + ssl + ", username=" + username
                + ", password=" + (password == null ? "none" : "(hidden)") + ", from=" + from + ", replyTo=" + replyTo
                + ", timeout=" + timeout + "]";
    }
}
