package dev.bongsu.statuspage.support;

import dev.bongsu.model.HistoryReader;
import dev.bongsu.model.ProbeResult;
import dev.bongsu.model.Rollup;
import dev.bongsu.model.ServiceBucket;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Made-up history: steady latency with a daily wave, an outage on one day for kakao services; counts its reads. */
public final class FakeHistory implements HistoryReader {
    /** Reads so far. */
    public final AtomicInteger reads = new AtomicInteger();
    /** Every read's service, from, to and step, in order. */
    public final List<String> log = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Instant now;
    /** The minute rollups per check and vantage a read gets; none unless a test sets it (the outage map tests do). */
    public volatile RollupSource rollups = (serviceId, from, to) -> List.of();

    /** Makes the minute rollups of a service in [from, to); what it throws is the read's failure. */
    public interface RollupSource {
        /** The rollups of {@code serviceId} whose minute is in [from, to). */
        List<Rollup> rollups(String serviceId, Instant from, Instant to);
    }

    /** History up to {@code now}. */
    public FakeHistory(Instant now) {
        this.now = now;
    }

    @Override
    public Future<List<ProbeResult>> results(String checkId, Instant from, Instant to, int limit) {
        return Future.succeededFuture(List.of());
    }

    @Override
    public Future<List<Rollup>> serviceRollups(String serviceId, Instant from, Instant to) {
        try {
            return Future.succeededFuture(rollups.rollups(serviceId, from, to));
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
    }

    @Override
    public Future<List<ServiceBucket>> serviceHistory(String serviceId, Instant from, Instant to, Duration step) {
        reads.incrementAndGet();
        log.add(serviceId + " " + from + " " + to + " " + step);
        List<ServiceBucket> out = new ArrayList<>();
        int seed = Math.abs(serviceId.hashCode());
        Instant start = from.isBefore(now.minus(Duration.ofDays(60))) ? now.minus(Duration.ofDays(60)) : from;
        long i = Duration.between(from, start).toMillis() / step.toMillis();
        for (Instant t = from.plus(step.multipliedBy(i)); t.isBefore(to) && !t.isAfter(now); t = t.plus(step)) {
            long k = t.toEpochMilli() / step.toMillis();
            long count = Math.max(1, step.toMinutes() * 3);
            long fail = ((k + seed) % 37 == 0) ? count / 20 : 0;
            if (serviceId.startsWith("kakao") && (k + seed) % 53 == 0) {
                fail = count / 3;
            }
            double base = 40 + seed % 60 + 15 * Math.sin(k / 12.0);
            out.add(new ServiceBucket(t.toEpochMilli(), count, count - fail, base, base * 2.2, base * 4));
        }
        return Future.succeededFuture(out);
    }
}
