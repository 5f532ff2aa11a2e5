package dev.bongsu.alerting.silence;

import dev.bongsu.alerting.route.Mute;
import java.time.Instant;
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
 */
public record Silence(String id, List<LabelMatcher> matchers, Instant startsAt, Instant endsAt, String author, String comment,
        Instant createdAt) implements Mute {

    public Silence {
        matchers = List.copyOf(matchers);
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

    /** This silence ended at {@code at}. */
    public Silence expiredAt(Instant at) {
        return new Silence(id, matchers, startsAt.isAfter(at) ? at : startsAt, at, author, comment, createdAt);
    }
}
