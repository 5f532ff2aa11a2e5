package dev.bongsu.statuspage.subscribe;

import io.vertx.core.Future;

/**
 * Where the site's parts hand what the public must be told: the subscription delivery fans each notice out to the
 * subscribers it concerns, durably. A method call, not an event: a notice must not be lost.
 */
public interface PublicAnnouncements {
    /** Accepts a notice; completes once every message for it is stored for delivery (a repeated key adds nothing). */
    Future<Void> announce(PublicNotice notice);

    /** Announcements that go nowhere (subscriptions disabled, or parts run alone in tests). */
    PublicAnnouncements NONE = n -> Future.succeededFuture();
}
