package dev.bongsu.statuspage.subscribe;

import io.vertx.core.Future;

/**
 * Sends the double-opt-in request to a new subscriber: an e-mail with the confirm link, or, for a webhook, a signed
 * {@code subscription.confirm} call carrying it. Implemented by the delivery side.
 */
public interface ConfirmationSender {
    /** Sends the request; {@code confirmUrl} and {@code unsubscribeUrl} are absolute. */
    Future<Void> sendConfirmation(Subscriber s, String confirmUrl, String unsubscribeUrl);
}
