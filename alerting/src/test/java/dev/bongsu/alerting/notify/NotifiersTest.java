package dev.bongsu.alerting.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bongsu.alerting.notify.email.EmailNotifier;
import dev.bongsu.alerting.notify.webhook.WebhookNotifier;
import dev.bongsu.model.config.AlertingConfig;
import dev.bongsu.model.config.ReceiverConfig;
import dev.bongsu.model.config.SmtpConfig;
import dev.bongsu.model.config.receiver.EmailSettings;
import dev.bongsu.model.config.receiver.ReceiverSettings;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The one registry of notifiers: every kind of receiver settings has its notifier. */
class NotifiersTest {
    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void stop() {
        vertx.close().await();
    }

    @Test
    void everyKindOfReceiverSettingsHasANotifier() {
        for (Class<?> kind : ReceiverSettings.class.getPermittedSubclasses()) {
            @SuppressWarnings("unchecked")
            Class<? extends ReceiverSettings> k = (Class<? extends ReceiverSettings>) kind;
            assertThat(Notifiers.supports(k)).as(kind.getSimpleName()).isTrue();
        }
        assertThat(Arrays.asList(ReceiverSettings.class.getPermittedSubclasses())).hasSize(7);
    }

    @Test
    void eachReceiverGetsTheNotifierOfItsSettingsAndTheBuiltInLogReceiverIsThere() {
        SmtpConfig smtp = new SmtpConfig("127.0.0.1", 2525, SmtpConfig.StartTls.DISABLED, false, null, null, "bongsu@example.com", null,
                Duration.ofSeconds(5));
        AlertingConfig cfg = AlertingConfig.defaults()
                .withReceiver(ReceiverConfig.webhook("hook", "http://127.0.0.1:9/hook", null))
                .withReceiver(ReceiverConfig.of("mail", new EmailSettings(List.of("oncall@example.com"))));
        Notifiers notifiers = Notifiers.create(vertx, cfg, smtp, Clock.systemUTC());
        try {
            assertThat(notifiers.get("hook")).get().isInstanceOf(WebhookNotifier.class);
            assertThat(notifiers.get("mail")).get().isInstanceOf(EmailNotifier.class);
            assertThat(notifiers.names()).containsExactlyInAnyOrder("hook", "mail", "log");
            assertThat(notifiers.longestTimeout()).isEqualTo(ReceiverConfig.DEFAULT_TIMEOUT);
        } finally {
            notifiers.close();
        }
    }

    @Test
    void anEmailReceiverWithoutSmtpSettingsIsRefused() {
        AlertingConfig cfg = AlertingConfig.defaults().withReceiver(ReceiverConfig.of("mail", new EmailSettings(List.of("oncall@example.com"))));

        assertThatThrownBy(() -> Notifiers.create(vertx, cfg, null, Clock.systemUTC()))
                .hasMessage("an email receiver needs the top-level smtp section");
    }
}
