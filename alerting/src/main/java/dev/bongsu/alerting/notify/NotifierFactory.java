package dev.bongsu.alerting.notify;

import dev.bongsu.model.config.ReceiverConfig;

/** Makes the notifier of one configured receiver of one kind; registered once, in {@link Notifiers}. */
@FunctionalInterface
interface NotifierFactory {
    /** The notifier of {@code receiver}, using the shared clients of {@code parts}. */
    Notifier create(ReceiverConfig receiver, NotifierParts parts);
}
