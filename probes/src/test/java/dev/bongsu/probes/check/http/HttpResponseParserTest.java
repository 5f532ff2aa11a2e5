package dev.bongsu.probes.check.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HttpResponseParserTest {
    private static HttpResponseParser parse(String response, int maxBody) {
        HttpResponseParser p = new HttpResponseParser(maxBody, true, false);
        p.feed(Buffer.buffer(response));
        return p;
    }

    @Test
    void parsesAContentLengthResponseFedByteByByte() {
        String response = "HTTP/1.1 200 OK\r\nContent-Length: 5\r\nX: y\r\n\r\nhello";
        HttpResponseParser p = new HttpResponseParser(100, true, false);
        for (int i = 0; i < response.length(); i++) {
            assertThat(p.finished()).isFalse();
            p.feed(Buffer.buffer(response.substring(i, i + 1)));
        }
        assertThat(p.finished()).isTrue();
        assertThat(p.failed()).isFalse();
        assertThat(p.status()).isEqualTo(200);
        assertThat(p.bodyText()).isEqualTo("hello");
        assertThat(p.truncated()).isFalse();
    }

    @Test
    void parsesChunkedBodiesWithExtensionsAndTrailers() {
        HttpResponseParser p = parse("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5;x=1\r\nhello\r\n6\r\n world\r\n0\r\nT: v\r\n\r\n", 100);
        assertThat(p.finished()).isTrue();
        assertThat(p.failed()).as(p.error()).isFalse();
        assertThat(p.bodyText()).isEqualTo("hello world");
    }

    @Test
    void readsUntilCloseWithoutALength() {
        HttpResponseParser p = parse("HTTP/1.0 200 OK\r\n\r\nsome body", 100);
        assertThat(p.finished()).isFalse();
        assertThat(p.end()).isTrue();
        assertThat(p.bodyText()).isEqualTo("some body");
    }

    @Test
    void skipsInterimResponsesAndKeepsTheLocation() {
        HttpResponseParser p = parse("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 302 Found\r\nLocation: /next\r\nContent-Length: 0\r\n\r\n", 100);
        assertThat(p.finished()).isTrue();
        assertThat(p.status()).isEqualTo(302);
        assertThat(p.location()).isEqualTo("/next");
    }

    @Test
    void aHeadOr204ResponseHasNoBody() {
        HttpResponseParser head = new HttpResponseParser(100, true, true);
        assertThat(head.feed(Buffer.buffer("HTTP/1.1 200 OK\r\nContent-Length: 500\r\n\r\n"))).isTrue();
        assertThat(parse("HTTP/1.1 204 No Content\r\n\r\n", 100).finished()).isTrue();
    }

    @Test
    void readsAHugeBodyOnlyUpToTheBoundKeepingBoundedMemory() {
        HttpResponseParser p = new HttpResponseParser(65_536, true, false);
        p.feed(Buffer.buffer("HTTP/1.1 200 OK\r\nContent-Length: 10737418240\r\n\r\n"));
        Buffer chunk = Buffer.buffer(new byte[16 * 1024]);
        int fed = 0;
        while (!p.finished() && fed < 100_000) {
            p.feed(chunk);
            fed++;
        }
        assertThat(fed).isEqualTo(4);
        assertThat(p.truncated()).isTrue();
        assertThat(p.bodyBytes()).hasSize(65_536);
        assertThat(p.failed()).isFalse();
    }

    @Test
    void aBodyExactlyAtTheBoundIsComplete() {
        HttpResponseParser p = parse("HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\nabcd", 4);
        assertThat(p.finished()).isTrue();
        assertThat(p.truncated()).isFalse();
        assertThat(p.bodyText()).isEqualTo("abcd");
    }

    @Test
    void withoutAssertionsNoBodyIsKept() {
        HttpResponseParser p = new HttpResponseParser(100, false, false);
        p.feed(Buffer.buffer("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello"));
        assertThat(p.finished()).isTrue();
        assertThat(p.bodyBytes()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "SSH-2.0-OpenSSH_9.2\\r\\n|not an HTTP/1.x response: 'SSH-2.0-OpenSSH_9.2'",
            "HTTP/1.1 2OO OK\\r\\n|not an HTTP/1.x response: 'HTTP/1.1 2OO OK'",
            "HTTP/1.1 200 OK\\r\\nno colon here\\r\\n\\r\\n|malformed header line: 'no colon here'",
            "HTTP/1.1 200 OK\\r\\nContent-Length: -3\\r\\n\\r\\n|invalid Content-Length '-3'",
            "HTTP/1.1 200 OK\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\nzz\\r\\n|invalid chunk size 'zz'"})
    void malformedResponsesAreProtocolErrors(String response, String error) {
        HttpResponseParser p = parse(response.replace("\\r\\n", "\r\n"), 100);
        assertThat(p.failed()).isTrue();
        assertThat(p.error()).isEqualTo(error);
    }

    @Test
    void endlessHeadersAreCutAtTheLimit() {
        HttpResponseParser p = new HttpResponseParser(100, true, false);
        p.feed(Buffer.buffer("HTTP/1.1 200 OK\r\n"));
        Buffer header = Buffer.buffer("X-Filler: " + "a".repeat(1000) + "\r\n");
        for (int i = 0; i < 100 && !p.finished(); i++) {
            p.feed(header);
        }
        assertThat(p.error()).isEqualTo("response headers exceed 32768 bytes");
    }

    @Test
    void anEarlyCloseSaysWhereItStopped() {
        HttpResponseParser none = new HttpResponseParser(100, true, false);
        none.end();
        assertThat(none.error()).isEqualTo("connection closed without a response");
        HttpResponseParser half = parse("HTTP/1.1 200 OK\r\nContent-Le", 100);
        half.end();
        assertThat(half.error()).isEqualTo("connection closed before the response headers were complete");
        HttpResponseParser body = parse("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc", 100);
        body.end();
        assertThat(body.error()).isEqualTo("connection closed after 3 body bytes of 10, before the response was complete");
    }
}
