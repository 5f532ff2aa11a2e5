package dev.bongsu.alerting.silence;

import dev.bongsu.alerting.route.Mute;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A silence: notifications of incidents matching every matcher are suppressed (and recorded) from
 * {@code startsAt} to {@code endsAt}.
 *
 * @param id        unique id
 * @param matchers  all must match
 * @param startsAt  when it begins
 * @param endsAt    when it ends (set to now when expired early)
 * @param author    who created it
 * @param comment   why
 * @param createdAt when it was created
 * @param version   1 when created, one more with every change (an early expiry), so servers settle on the latest
 */
public record Silence(String id, List<LabelMatcher> matchers, Instant startsAt, Instant endsAt, String author, String comment,
        Instant createdAt, long version) implements Mute {

    public Silence {
        matchers = List.copyOf(matchers);
    }

    /** A silence as first created (version 1). */
    public Silence(String id, List<LabelMatcher> matchers, Instant startsAt, Instant endsAt, String author, String comment,
                   Instant createdAt) {
        this(id, matchers, startsAt, endsAt, author, comment, createdAt, 1);
    }

    /** Whether it is in force at {@code now}. */
    public boolean activeAt(Instant now) {
        return !now.isBefore(startsAt) && now.isBefore(endsAt);
    }

    /** {@code active}, {@code pending} (not begun) or {@code expired}. */
    public String stateAt(Instant now) {
        return now.isBefore(startsAt) ? "pending" : now.isBefore(endsAt) ? "active" : "expired";
    }

    @Override
    public Optional<String> mutedBy(Map<String, Set<String>> labels, Instant now) {
        if (!activeAt(now)) {
            return Optional.empty();
        }
        for (LabelMatcher m : matchers) {
            if (!m.matches(labels.getOrDefault(m.label(), Set.of()))) {
                return Optional.empty();
            }
        }
        return Optional.of("silenced by " + id + " (" + matchers.stream().map(LabelMatcher::toString).collect(Collectors.joining(","))
                + ", by " + author + ": " + comment + ")");
    }

    /** This silence ended at {@code at}: the next version. */
    public Silence expiredAt(Instant at) {
        return new Silence(id, matchers, startsAt.isAfter(at) ? at : startsAt, at, author, comment, createdAt, version + 1);
    }

    /** The record form shared between servers and shown by the admin API (without the state). */
    public JsonObject toJson() {
        JsonArray m = new JsonArray();
        matchers.forEach(x -> m.add(x.toString()));
        return new JsonObject()
                .put("id", id)
                .put("version", version)
                .put("matchers", m)
                .put("startsAt", startsAt.toString())
                .put("endsAt", endsAt.toString())
                .put("author", author)
                .put("comment", comment)
                .put("createdAt", createdAt.toString());
    }

    /** Reads the record form; an {@link IllegalArgumentException} names what is wrong. */
    public static Silence fromJson(JsonObject o) {
        try {
            List<LabelMatcher> matchers = new ArrayList<>();
            o.getJsonArray("matchers").forEach(x -> matchers.add(LabelMatcher.parse((String) x)));
            return new Silence(require(o.getString("id"), "id"), matchers, Instant.parse(o.getString("startsAt")),
                    Instant.parse(o.getString("endsAt")), require(o.getString("author"), "author"), require(o.getString("comment"), "comment"),
                    Instant.parse(o.getString("createdAt")), o.getLong("version", 1L));
        } catch (ClassCastException | NullPointerException | DateTimeParseException e) {
            throw new IllegalArgumentException("not a silence record: " + o.encode());
        }
    }

    private static String require(String value, String key) {
        if (value == null) {
            throw new IllegalArgumentException("silence record without " + key);
        }
        return value;
    }
}
