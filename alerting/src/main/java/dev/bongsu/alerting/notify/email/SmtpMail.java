package dev.bongsu.alerting.notify.email;

import dev.bongsu.model.config.SmtpConfig;
import io.vertx.ext.mail.LoginOption;
import io.vertx.ext.mail.MailConfig;
import io.vertx.ext.mail.StartTLSOptions;
import java.util.concurrent.TimeUnit;

/** The Vert.x mail client settings of the top-level {@code smtp} section: STARTTLS as configured, login only with a username. */
public final class SmtpMail {
    private SmtpMail() {
    }

    /** The mail client settings for {@code smtp}. */
    public static MailConfig config(SmtpConfig smtp) {
        int ms = (int) Math.min(Integer.MAX_VALUE, smtp.timeout().toMillis());
        return new MailConfig()
                .setHostname(smtp.host())
                .setPort(smtp.port())
                .setSsl(smtp.ssl())
                .setStarttls(switch (smtp.startTls()) {
                    case REQUIRED -> StartTLSOptions.REQUIRED;
                    case OPTIONAL -> StartTLSOptions.OPTIONAL;
                    case DISABLED -> StartTLSOptions.DISABLED;
                })
                .setLogin(smtp.username() == null ? LoginOption.DISABLED : LoginOption.REQUIRED)
                .setUsername(smtp.username())
                .setPassword(smtp.password())
                .setConnectTimeout(ms)
                .setIdleTimeout(ms)
                .setIdleTimeoutUnit(TimeUnit.MILLISECONDS)
                .setKeepAlive(true)
                .setMaxPoolSize(4)
                .setUserAgent("Bongsu");
    }
}
