package dev.bongsu.statuspage.subscribe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bongsu.statuspage.api.BadParameter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressRulesTest {
    @Test
    void anEmailIsTrimmedAndItsDomainLowerCased() {
        assertThat(AddressRules.email("  Kim.Reporter+bongsu@News.Example.KR ")).isEqualTo("Kim.Reporter+bongsu@news.example.kr");
        assertThat(AddressRules.email("독자@한국.kr".replace("독자", "reader"))).isEqualTo("reader@한국.kr");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "plain", "@example.com", "a@", "a@@example.com", "a@b@example.com", "a b@example.com",
            "a@example.com\r\nBcc: b@example.com", "a@exam\nple.com", "a\t@example.com", ".a@example.com", "a.@example.com",
            "a..b@example.com", "a@localhost", "a@-example.com", "a@example..com", "\"quoted\"@example.com", "a<b>@example.com",
            "a@exa mple.com", "a@example.com,b@example.com"})
    void notAnEmail(String raw) {
        assertThatThrownBy(() -> AddressRules.email(raw)).isInstanceOf(BadParameter.class).hasMessageStartingWith("email: ");
    }

    @Test
    void anEmailOfMoreThan254CharactersIsRefused() {
        String local = "a".repeat(64);
        String domain = ("b".repeat(60) + ".").repeat(4) + "kr";
        assertThat((local + "@" + domain).length()).isGreaterThan(254);
        assertThatThrownBy(() -> AddressRules.email(local + "@" + domain)).hasMessageStartingWith("email: at most 254 characters");
        assertThatThrownBy(() -> AddressRules.email("a".repeat(65) + "@example.com")).hasMessageStartingWith("email: the part before @");
    }

    @Test
    void aWebhookIsAnAbsoluteHttpUrlOnAPublicHost() {
        assertThat(AddressRules.webhook(" https://hooks.example.com/bongsu?team=noc ", false)).isEqualTo("https://hooks.example.com/bongsu?team=noc");
        assertThat(AddressRules.webhook("http://203.0.113.9:8080/in", false)).isEqualTo("http://203.0.113.9:8080/in");
        assertThat(AddressRules.webhook("http://127.0.0.1:8080/in", true)).isEqualTo("http://127.0.0.1:8080/in");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "hooks.example.com/in", "/in", "ftp://hooks.example.com/in", "javascript:alert(1)",
            "https://user:pw@hooks.example.com/in", "https://hooks.example.com/in#x", "https://hooks.example.com/a b",
            "https://hooks.example.com/\r\nX: y", "http://localhost:8080/in", "http://127.0.0.1/in", "http://10.1.2.3/in",
            "http://192.168.0.1/in", "http://172.16.5.4/in", "http://169.254.169.254/latest/meta-data", "http://0.0.0.0/in",
            "http://[::1]/in", "http://[fd00::1]/in", "http://[fe80::1]/in"})
    void notAWebhook(String raw) {
        assertThatThrownBy(() -> AddressRules.webhook(raw, false)).isInstanceOf(BadParameter.class).hasMessageStartingWith("webhook: ");
    }
}
