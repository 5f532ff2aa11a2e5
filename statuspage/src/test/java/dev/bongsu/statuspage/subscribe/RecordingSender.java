package dev.bongsu.statuspage.subscribe;

import io.vertx.core.Future;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link ConfirmationSender} that records each request, and fails while {@link #failing} is set. */
final class RecordingSender implements ConfirmationSender {
    /** One confirmation request. */
    record Sent(Subscriber subscriber, String confirmUrl, String unsubscribeUrl) {
    }

    final List<Sent> sent = new CopyOnWriteArrayList<>();
    volatile boolean failing;

    @Override
    public Future<Void> sendConfirmation(Subscriber s, String confirmUrl, String unsubscribeUrl) {
        if (failing) {
            return Future.failedFuture("smtp.example.com: 421 try later for " + s.address());
        }
        sent.add(new Sent(s, confirmUrl, unsubscribeUrl));
        return Future.succeededFuture();
    }

    /** The last request. */
    Sent last() {
        return sent.get(sent.size() - 1);
    }
}
