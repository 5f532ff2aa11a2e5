package dev.bongsu.model.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The top-level {@code smtp} section: defaults, the password from the environment, and the errors at load. */
class SmtpSectionTest {
    private static final String SERVICES = """
            services:
              - {id: a, name: A, provider: kakao, category: c, checks: [{type: tcp, host: 127.0.0.1, port: 1}]}
            """;
    private final ConfigLoader loader = new ConfigLoader(Map.of("SMTP_PASSWORD", "s3cret-pw"));

    @Test
    void withoutTheSectionThereIsNoSmtpServer() {
        assertThat(loader.parse("t.yaml", SERVICES).smtp()).isNull();
    }

    @Test
    void defaultsArePort587StartTlsRequiredAnd30Seconds() {
        SmtpConfig s = loader.parse("t.yaml", "smtp: {host: mail.example.com, from: status@example.com}\n" + SERVICES).smtp();

        assertThat(s).isEqualTo(new SmtpConfig("mail.example.com", 587, SmtpConfig.StartTls.REQUIRED, false, null, null,
                "status@example.com", null, Duration.ofSeconds(30)));
        assertThat(s.fromDomain()).isEqualTo("example.com");
    }

    @Test
    void port465MeansImplicitTlsAndThePasswordComesFromTheEnvironmentAndIsNeverPrinted() {
        SmtpConfig s = loader.parse("t.yaml", """
                smtp:
                  host: smtp.example.com
                  port: 465
                  username: status
                  password: ${SMTP_PASSWORD}
                  from: "Bongsu <status@status.example.com>"
                  replyTo: noc@example.com
                  timeout: 5s
                """ + SERVICES).smtp();

        assertThat(s.ssl()).isTrue();
        assertThat(s.startTls()).isEqualTo(SmtpConfig.StartTls.DISABLED);
        assertThat(s.password()).isEqualTo("s3cret-pw");
        assertThat(s.fromDomain()).isEqualTo("status.example.com");
        assertThat(s.replyTo()).isEqualTo("noc@example.com");
        assertThat(s.timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(s.toString()).doesNotContain("s3cret-pw");
    }

    @Test
    void aSenderAddressWithALineBreakIsRefusedSoNoHeaderCanBeInjected() throws Exception {
        Path path = fixture("bad-smtp-from.yaml");
        assertThatThrownBy(() -> loader.load(path))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("bad-smtp-from.yaml:3: smtp.from: expected an e-mail address such as status@example.com");
    }

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(SmtpSectionTest.class.getResource("/config/" + name).toURI());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            bad-smtp-starttls.yaml               | bad-smtp-starttls.yaml:4: smtp.startTls: expected one of required, optional, disabled, found 'sometimes'
            bad-smtp-ssl-starttls.yaml           | bad-smtp-ssl-starttls.yaml:4: smtp.startTls: ssl: true already encrypts the connection from the start; leave startTls out or write disabled
            bad-smtp-password-without-user.yaml  | bad-smtp-password-without-user.yaml:4: smtp.password: a password needs a username
            bad-smtp-password-unset.yaml         | bad-smtp-password-unset.yaml:4: smtp.password: environment variable SMTP_PASSWORD_UNSET is not set (write ${SMTP_PASSWORD_UNSET:-default} to give a default)
            bad-smtp-no-host.yaml                | bad-smtp-no-host.yaml:2: smtp.host: required key is missing
            bad-smtp-unknown-key.yaml            | bad-smtp-unknown-key.yaml:4: smtp.tls: unknown key; expected one of host, port, startTls, ssl, username, password, from, replyTo, timeout
            """)
    void aBadSmtpSectionIsRejectedWithFileLineAndKey(String file, String message) throws Exception {
        Path path = fixture(file);
        assertThatThrownBy(() -> loader.load(path))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(e.getMessage()).endsWith(message));
    }
}
