package dev.bongsu.app.cluster;

import dev.bongsu.detector.core.IncidentIds;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Incident ids that two servers running the same detector on the same results agree on, so the idempotency key
 * ({@code id:sequence}) of a notification is the same on both: {@code inc-<yyyyMMdd-HHmm>-<subject>} from the
 * minute of the time given (best the onset, taken from probe times) and the subject, with {@code -2}, {@code -3}, …
 * when the detector asks again for the same minute and subject.
 */
public final class ClusterIncidentIds implements IncidentIds {
    private static final DateTimeFormatter MINUTE =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmm", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final Map<String, Integer> asked = new HashMap<>();

    @Override
    public String next(Instant at, String subject) {
        String base = "inc-" + MINUTE.format(at.truncatedTo(ChronoUnit.MINUTES)) + "-" + subject.replaceAll("[^A-Za-z0-9_.-]", "_");
        int n = asked.merge(base, 1, Integer::sum);
        return n == 1 ? base : base + "-" + n;
    }
}
