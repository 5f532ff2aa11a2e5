package dev.bongsu.alerting.ack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AckLinksTest {
    private static final Instant T0 = Instant.parse("2026-10-15T06:33:00Z");
    private static final byte[] KEY = "0123456789abcdef-ack-key".getBytes(StandardCharsets.UTF_8);
    private final AckLinks links = new AckLinks(KEY, "https://status.example.kr/", Duration.ofDays(7));

    private static Map<String, String> query(String url) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String p : URI.create(url).getRawQuery().split("&")) {
            String[] kv = p.split("=", 2);
            out.put(kv[0], kv[1]);
        }
        return out;
    }

    @Test
    void aLinkNamesTheIncidentAndIsValidUntilItExpires() {
        String url = links.url("01J-A", T0);
        Map<String, String> q = query(url);

        assertThat(url).startsWith("https://status.example.kr/api/v1/ack/01J-A?exp=" + T0.plus(Duration.ofDays(7)).getEpochSecond() + "&sig=");
        assertThat(links.check("01J-A", q.get("exp"), q.get("sig"), T0.plus(Duration.ofDays(7)))).isEqualTo(AckLinks.Verdict.VALID);
        assertThat(links.check("01J-A", q.get("exp"), q.get("sig"), T0.plus(Duration.ofDays(7)).plusSeconds(1)))
                .isEqualTo(AckLinks.Verdict.EXPIRED);
    }

    @Test
    void anotherIncidentALongerExpiryOrAnotherKeyIsForged() {
        Map<String, String> q = query(links.url("01J-A", T0));
        AckLinks otherKey = new AckLinks("another-key-of-16-bytes".getBytes(StandardCharsets.UTF_8), "https://status.example.kr",
                Duration.ofDays(7));

        assertThat(links.check("01J-B", q.get("exp"), q.get("sig"), T0)).isEqualTo(AckLinks.Verdict.FORGED);
        assertThat(links.check("01J-A", Long.toString(Long.parseLong(q.get("exp")) + 3600), q.get("sig"), T0))
                .isEqualTo(AckLinks.Verdict.FORGED);
        assertThat(otherKey.check("01J-A", q.get("exp"), q.get("sig"), T0)).isEqualTo(AckLinks.Verdict.FORGED);
        assertThat(links.check("01J-A", null, q.get("sig"), T0)).isEqualTo(AckLinks.Verdict.FORGED);
        assertThat(links.check("01J-A", "soon", q.get("sig"), T0)).isEqualTo(AckLinks.Verdict.FORGED);
        assertThat(links.check("01J-A", q.get("exp"), null, T0)).isEqualTo(AckLinks.Verdict.FORGED);
    }

    @Test
    void aShortKeyIsRefused() {
        assertThatThrownBy(() -> new AckLinks(new byte[8], "https://x", Duration.ofDays(1)))
                .hasMessage("an acknowledgement key needs at least 16 bytes");
    }
}
