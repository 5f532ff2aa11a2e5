package dev.bongsu.model.config.diff;

import dev.bongsu.model.config.BongsuConfig;
import dev.bongsu.model.config.diff.Change.Kind;
import dev.bongsu.model.config.diff.Change.Op;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a reload from one configuration to another would change: services, checks, vantages, receivers, routes and
 * maintenance windows added, removed or changed, other settings changed, and the settings that cannot change without
 * a restart. Pure: two validated configurations in, a list out.
 *
 * @param changes       what a reload changes, in a stable order (catalog, alerting, settings)
 * @param restartNeeded phrases such as {@code http.port changed 8080 -> 8081}, one per setting a reload cannot take
 */
public record ConfigDiff(List<Change> changes, List<String> restartNeeded) {
    public ConfigDiff {
        changes = List.copyOf(changes);
        restartNeeded = List.copyOf(restartNeeded);
    }

    /** What changes from {@code before} to {@code after}. */
    public static ConfigDiff between(BongsuConfig before, BongsuConfig after) {
        List<Change> changes = new ArrayList<>();
        CatalogDiff.services(before.services(), after.services(), changes);
        CatalogDiff.vantages(before.vantages(), after.vantages(), changes);
        AlertingDiff.between(before.alerting(), after.alerting(), changes);
        settings("statusPage", before.statusPage(), after.statusPage(), Set.of("title", "description", "publicUrl"), changes);
        settings("detector", before.detector(), after.detector(), Set.of("quorum", "failuresToDown", "successesToUp",
                "staleAfterIntervals", "correlationWindow", "confirmFor", "confirmTogether", "stragglerWait"), changes);
        if (!RecordFields.same(before.http().publicUrl(), after.http().publicUrl())) {
            changes.add(new Change(Kind.SETTINGS, Op.CHANGED, "http", "publicUrl changed " + before.http().publicUrl() + " -> "
                    + after.http().publicUrl()));
        }
        settings("reload", before.ops().reload(), after.ops().reload(), Set.of("watch"), changes);
        return new ConfigDiff(changes, RestartRules.between(before, after));
    }

    private static void settings(String section, Record before, Record after, Set<String> shown, List<Change> out) {
        List<String> names = RecordFields.differing(before, after);
        if (!names.isEmpty()) {
            out.add(new Change(Kind.SETTINGS, Op.CHANGED, section, Details.of(names, before, after, shown)));
        }
    }

    /** Whether nothing at all would change. */
    public boolean isEmpty() {
        return changes.isEmpty() && restartNeeded.isEmpty();
    }

    /** Whether a setting changed that only a restart takes; a reload refuses such a file. */
    public boolean needsRestart() {
        return !restartNeeded.isEmpty();
    }

    /** The refusal a reload gives: {@code needs a restart: http.port changed 8080 -> 8081; storage.dir changed …}. */
    public String restartMessage() {
        return "needs a restart: " + String.join("; ", restartNeeded);
    }

    /** How many things of one kind are added, removed or changed. */
    public long count(Kind kind, Op op) {
        return changes.stream().filter(c -> c.kind() == kind && c.op() == op).count();
    }

    /**
     * Counts per kind that has any change, in a stable order:
     * {@code services → {added: 1, removed: 0, changed: 0}, checks → …}.
     */
    public Map<String, Map<String, Long>> counts() {
        Map<String, Map<String, Long>> out = new LinkedHashMap<>();
        for (Kind kind : Kind.values()) {
            if (changes.stream().anyMatch(c -> c.kind() == kind)) {
                Map<String, Long> byOp = new LinkedHashMap<>();
                byOp.put("added", count(kind, Op.ADDED));
                byOp.put("removed", count(kind, Op.REMOVED));
                byOp.put("changed", count(kind, Op.CHANGED));
                out.put(kind.plural(), byOp);
            }
        }
        return out;
    }

    /** The lines {@code bongsu check-config --diff} prints: one per change, then {@code ! needs a restart: …} ones. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        changes.forEach(c -> out.add(c.line()));
        restartNeeded.forEach(r -> out.add("! needs a restart: " + r));
        return out;
    }
}
