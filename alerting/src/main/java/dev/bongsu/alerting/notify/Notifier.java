package dev.bongsu.alerting.notify;

import io.vertx.core.Future;

/** Delivers one notification to one receiver; a failed future is never used: failures are outcomes. */
public interface Notifier {
    /** The receiver's name. */
    String name();

    /** Attempts one delivery and says whether it worked, is worth retrying, or failed for good. */
    Future<DeliveryOutcome> send(Notification notification);
}
