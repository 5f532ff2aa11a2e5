package dev.bongsu.statuspage.subscribe;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.Objects;

/**
 * Subscribers as the records the servers of a cluster share (kind {@value #KIND}). A live record is the whole
 * subscriber, its secret included (it signs webhook messages and checks link tokens on either server), with
 * {@code "deleted": false}; a removal is a tombstone of exactly {@code id}, {@code version} and {@code "deleted": true}
 * — no address, scope, language or secret, so an erasure leaves nothing personal behind anywhere. Keys are written in a
 * fixed order starting {@code id, version, deleted}, so that a tombstone beats a live record of the same version in
 * {@link dev.bongsu.model.replica.SharedRecords#newer}. Times travel as epoch milliseconds, as stored.
 */
final class SubscriberRecords {
    /** The kind of these shared records. */
    static final String KIND = "subscribers";

    /**
     * Which of two confirmed subscriptions of one address and channel stays: the later confirmation, then the larger
     * id. Every server picks the same one, and a local confirm is always dated after the one it replaces, so no
     * server's decision is undone by another's.
     */
    static final Comparator<Subscriber> CONFIRMED_ORDER = Comparator
            .comparingLong((Subscriber s) -> s.confirmedAt().toEpochMilli()).thenComparing(Subscriber::id);

    private SubscriberRecords() {
    }

    /** The record of a live subscriber at {@code version}. */
    static JsonObject toJson(Subscriber s, long version) {
        return new JsonObject().put("id", s.id()).put("version", version).put("deleted", false)
                .put("channel", s.channel().name()).put("address", s.address()).put("lang", s.lang())
                .put("scope", SubscriberTable.scopeJson(s.scope())).put("secret", s.secret())
                .put("createdMs", s.createdAt().toEpochMilli())
                .put("confirmedMs", s.confirmedAt() == null ? null : s.confirmedAt().toEpochMilli());
    }

    /** The tombstone of a removal: nothing but the id and the version. */
    static JsonObject tombstone(String id, long version) {
        return new JsonObject().put("id", id).put("version", version).put("deleted", true);
    }

    /** Whether a record is a tombstone. */
    static boolean isTombstone(JsonObject record) {
        return Boolean.TRUE.equals(record.getValue("deleted"));
    }

    /** The id of a record; fails when it has none. */
    static String id(JsonObject record) {
        Object id = record.getValue("id");
        if (!(id instanceof String s) || s.isBlank()) {
            throw new IllegalArgumentException("a subscriber record needs a text 'id'");
        }
        return s;
    }

    /** The version of a record; fails when it is not a positive whole number. */
    static long version(JsonObject record) {
        Object v = record.getValue("version");
        if (!(v instanceof Number n) || n.longValue() < 1 || n.doubleValue() != n.longValue()) {
            throw new IllegalArgumentException("a subscriber record needs a positive whole 'version'");
        }
        return n.longValue();
    }

    /** The subscriber of a live record; fails with a message naming the field when one is missing or wrong. */
    static Subscriber fromJson(JsonObject r) {
        try {
            Subscriber.Channel channel = Subscriber.Channel.valueOf(text(r, "channel"));
            JsonObject scope = Objects.requireNonNull(r.getJsonObject("scope"), "scope");
            Long confirmed = r.getLong("confirmedMs");
            return new Subscriber(id(r), channel, text(r, "address"), text(r, "lang"), SubscriberTable.scope(scope),
                    text(r, "secret"), Instant.ofEpochMilli(Objects.requireNonNull(r.getLong("createdMs"), "createdMs")),
                    confirmed == null ? null : Instant.ofEpochMilli(confirmed));
        } catch (ClassCastException | NullPointerException e) {
            throw new IllegalArgumentException("a subscriber record has a missing or malformed field: " + e.getMessage());
        }
    }

    /** The time of a new local confirmation: {@code now}, or one millisecond after the latest of those it replaces. */
    static Instant confirmationTime(Instant now, Collection<Subscriber> replaced) {
        long latest = Long.MIN_VALUE;
        for (Subscriber r : replaced) {
            latest = Math.max(latest, r.confirmedAt().toEpochMilli());
        }
        return now.toEpochMilli() > latest ? now : Instant.ofEpochMilli(latest + 1);
    }

    private static String text(JsonObject r, String field) {
        String v = r.getString(field);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("a subscriber record needs a text '" + field + "'");
        }
        return v;
    }
}
