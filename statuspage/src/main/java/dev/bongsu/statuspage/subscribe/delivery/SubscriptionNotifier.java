package dev.bongsu.statuspage.subscribe.delivery;

import dev.bongsu.alerting.notify.DeliveryOutcome;
import dev.bongsu.statuspage.subscribe.PublicNotice;
import dev.bongsu.statuspage.subscribe.Subscriber;
import io.vertx.core.Future;

/** Delivers one public notice to one subscriber over its channel; a failed future is never used: failures are outcomes. */
public interface SubscriptionNotifier {
    /** Attempts one delivery and says whether it worked, is worth retrying, or failed for good. */
    Future<DeliveryOutcome> send(Subscriber subscriber, PublicNotice notice);
}
