package dev.bongsu.statuspage.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ResponderTest {
    @Test
    void gzipOnlyWhenAcceptedWithAPositiveWeight() {
        assertThat(Responder.acceptsGzip("gzip, deflate, br")).isTrue();
        assertThat(Responder.acceptsGzip("br;q=1.0, GZIP;q=0.5")).isTrue();
        assertThat(Responder.acceptsGzip("gzip;q=0")).isFalse();
        assertThat(Responder.acceptsGzip("identity")).isFalse();
        assertThat(Responder.acceptsGzip(null)).isFalse();
    }

    @Test
    void snapshotsCarryStrongDistinctEtagsAndGzipThatRoundTrips() throws Exception {
        Snapshot s = Snapshot.of("text/plain", Snapshot.LIVE, "안녕 hello");
        assertThat(s.etag()).startsWith("\"").endsWith("\"").isNotEqualTo(s.gzipEtag());
        assertThat(new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(s.gzipped())).readAllBytes()).isEqualTo(s.body());
        assertThat(s.bodyBuffer().getBytes()).isEqualTo(s.body());
        assertThat(Snapshot.of("text/plain", Snapshot.LIVE, "안녕 hello").etag()).isEqualTo(s.etag());
    }
}
