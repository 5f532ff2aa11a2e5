package dev.bongsu.model.config.diff;

import dev.bongsu.model.config.AlertingConfig;
import dev.bongsu.model.config.MaintenanceWindow;
import dev.bongsu.model.config.ReceiverConfig;
import dev.bongsu.model.config.RouteConfig;
import dev.bongsu.model.config.diff.Change.Kind;
import dev.bongsu.model.config.diff.Change.Op;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Notification routing: receivers by name, routes by position, maintenance windows of the file by id, and the rest
 * of the {@code alerting} section as settings. Receivers are compared as a whole and named setting by setting, never
 * with values (their URLs and keys are secrets).
 */
final class AlertingDiff {
    private static final List<String> ITEMIZED = List.of("receivers", "routes", "maintenance");

    private AlertingDiff() {
    }

    static void between(AlertingConfig before, AlertingConfig after, List<Change> out) {
        receivers(before.receivers(), after.receivers(), out);
        routes(before.routes(), after.routes(), out);
        byId(Kind.MAINTENANCE, before.maintenance(), after.maintenance(), MaintenanceWindow::id, out);
        List<String> rest = RecordFields.differingExcept(before, after, ITEMIZED);
        if (!rest.isEmpty()) {
            out.add(new Change(Kind.SETTINGS, Op.CHANGED, "alerting", Details.of(rest, before, after,
                    Set.of("groupWait", "groupInterval", "repeatInterval", "inhibit", "defaultReceivers", "monitoringReceivers"))));
        }
    }

    /** Receivers by name; a type's own settings are named as in the file ({@code secret}, not {@code settings.secret}). */
    private static void receivers(List<ReceiverConfig> before, List<ReceiverConfig> after, List<Change> out) {
        List<Change> found = new java.util.ArrayList<>();
        byId(Kind.RECEIVER, before, after, ReceiverConfig::name, found);
        found.forEach(c -> out.add(c.detail() == null ? c
                : new Change(c.kind(), c.op(), c.id(), c.detail().replaceAll("(^|, )settings\\.", "$1"))));
    }

    /** Routes have no names: the n-th route of the old file is compared with the n-th of the new one. */
    private static void routes(List<RouteConfig> before, List<RouteConfig> after, List<Change> out) {
        for (int i = 0; i < Math.max(before.size(), after.size()); i++) {
            String id = String.valueOf(i + 1);
            if (i >= before.size()) {
                out.add(new Change(Kind.ROUTE, Op.ADDED, id, "(to " + String.join(", ", after.get(i).receivers()) + ")"));
            } else if (i >= after.size()) {
                out.add(new Change(Kind.ROUTE, Op.REMOVED, id, "(to " + String.join(", ", before.get(i).receivers()) + ")"));
            } else if (!RecordFields.same(before.get(i), after.get(i))) {
                out.add(new Change(Kind.ROUTE, Op.CHANGED, id, Details.of(RecordFields.differing(before.get(i), after.get(i)),
                        before.get(i), after.get(i), Set.of("receivers", "match", "continueMatching", "groupWait", "groupInterval",
                                "repeatInterval"))));
            }
        }
    }

    private static <T extends Record> void byId(Kind kind, List<T> before, List<T> after, Function<T, String> id, List<Change> out) {
        Map<String, T> old = index(before, id);
        Map<String, T> next = index(after, id);
        for (T item : after) {
            T o = old.get(id.apply(item));
            if (o == null) {
                out.add(new Change(kind, Op.ADDED, id.apply(item), null));
            } else if (!RecordFields.same(o, item)) {
                out.add(new Change(kind, Op.CHANGED, id.apply(item), Details.of(RecordFields.differing(o, item), o, item, Set.of())));
            }
        }
        for (T o : before) {
            if (!next.containsKey(id.apply(o))) {
                out.add(new Change(kind, Op.REMOVED, id.apply(o), null));
            }
        }
    }

    private static <T> Map<String, T> index(List<T> items, Function<T, String> id) {
        Map<String, T> out = new LinkedHashMap<>();
        items.forEach(i -> out.put(id.apply(i), i));
        return out;
    }
}
