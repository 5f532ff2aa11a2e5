package dev.bongsu.bench.statuspage;

import dev.bongsu.model.LocalizedText;
import dev.bongsu.statuspage.subscribe.PublicNotice;
import dev.bongsu.statuspage.subscribe.delivery.SubscriptionDelivery;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Keeps the subscription outbox busy while the page is measured: every {@code every} it announces a made-up
 * correlated incident, opening and resolving in turn (a fresh subject every other notice, so every key is new), to
 * every subscriber, through the real {@link SubscriptionDelivery}. A notice is skipped while more than two notices'
 * worth of messages wait, so the backlog stays bounded when delivery is slower than the announcements. Counts what
 * the outbox marked sent between {@link #start()} and {@link #stop()}, read from its own counters.
 * Call both on one Vert.x context.
 */
final class NoticeStorm {
    private static final List<String> KAKAO = List.of("kakaotalk", "kakaobank", "kakaopay", "kakaomap");

    private final Vertx vertx;
    private final SubscriptionDelivery delivery;
    private final int subscribers;
    private final Duration every;
    private final Clock clock;
    private long timer = -1;
    private long sentBefore;
    private Instant startedAt;
    private int announced;
    private int skipped;
    private int failed;

    NoticeStorm(Vertx vertx, SubscriptionDelivery delivery, int subscribers, Duration every, Clock clock) {
        this.vertx = vertx;
        this.delivery = delivery;
        this.subscribers = subscribers;
        this.every = every;
        this.clock = clock;
    }

    /** Notes how many messages were sent so far and starts announcing, the first notice at once. */
    Future<Void> start() {
        return counts().map(c -> {
            sentBefore = c.getLong("sent", 0L);
            startedAt = clock.instant();
            tick();
            timer = vertx.setPeriodic(every.toMillis(), id -> tick());
            System.out.println("subscriptions: announcing a notice to " + subscribers + " subscribers every " + every.toMillis() + " ms");
            return null;
        });
    }

    /** Stops announcing; completes with {@code key=value} figures of the measured time, also printed. */
    Future<String> stop() {
        vertx.cancelTimer(timer);
        Instant end = clock.instant();
        return counts().map(c -> {
            long delivered = c.getLong("sent", 0L) - sentBefore;
            double seconds = Duration.between(startedAt, end).toMillis() / 1000.0;
            String line = String.format(Locale.ROOT,
                    "delivered=%d seconds=%.1f rate=%.0f notices=%d skipped=%d failed=%d pending=%d dead=%d dropped=%d",
                    delivered, seconds, delivered / seconds, announced, skipped, failed, c.getLong("pending", 0L),
                    c.getLong("dead", 0L), c.getLong("dropped", 0L));
            System.out.println("subscriptions: " + line);
            return line;
        });
    }

    private void tick() {
        counts().onSuccess(c -> {
            if (c.getLong("pending", 0L) > 2L * subscribers) {
                skipped++;
                return;
            }
            delivery.announce(notice(announced++, clock.instant()))
                    .onFailure(e -> {
                        failed++;
                        System.out.println("subscriptions: announcing failed: " + e.getMessage());
                    });
        });
    }

    private Future<JsonObject> counts() {
        return delivery.outbox().status().map(s -> s.getJsonObject("messages"));
    }

    /** Notice {@code n}: even numbers open incident {@code n / 2}, odd numbers resolve it. */
    static PublicNotice notice(int n, Instant at) {
        String id = "bench-storm-" + (n / 2);
        boolean opened = n % 2 == 0;
        LocalizedText title = new LocalizedText("카카오 서비스 4개 동시 장애", "4 kakao services down at once");
        LocalizedText text = opened ? new LocalizedText("카카오의 서비스 4개가 모두 장애 → 제공사 측 장애로 추정",
                "All 4 services of provider kakao are down → a provider-side failure") : null;
        String event = opened ? "incident.opened" : "incident.resolved";
        return new PublicNotice("incident:" + id + ":" + (opened ? "opened" : "resolved"), id, event, KAKAO, title, text,
                "/incidents/" + id, at);
    }
}
