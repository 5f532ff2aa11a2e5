package dev.bongsu.statuspage.subscribe;

import java.util.List;
import java.util.Optional;

/** The subscribers as the delivery side reads them: an in-memory view of the store, safe from any thread. */
public interface SubscriberDirectory {
    /** Every confirmed subscriber. */
    List<Subscriber> confirmed();

    /** A subscriber (confirmed or not) by id; empty once unsubscribed or deleted. */
    Optional<Subscriber> byId(String id);
}
