package dev.bongsu.model.config.diff;

import dev.bongsu.model.LocalizedText;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Names the components in which two records of one type differ, descending into nested records
 * ({@code subscriptions.enabled}). Only names come out, never values, so a changed secret is never printed.
 * Values are compared by content, arrays too ({@code StatusSet} holds {@code int[]} ranges, whose {@code equals} is
 * identity), so two loads of one file are always the same.
 */
final class RecordFields {
    private static final int MAX_DEPTH = 3;

    private RecordFields() {
    }

    /** The dotted names of the components that differ; empty when equal. */
    static List<String> differing(Record before, Record after) {
        List<String> out = new ArrayList<>();
        collect(before, after, "", 0, out);
        return out;
    }

    /** The same, leaving out the named top-level components (they are diffed item by item elsewhere). */
    static List<String> differingExcept(Record before, Record after, List<String> skipped) {
        return differing(before, after).stream()
                .filter(name -> skipped.stream().noneMatch(s -> name.equals(s) || name.startsWith(s + ".")))
                .toList();
    }

    /** The value of one component by its dotted name ({@code metrics.port}), for the few non-secret ones a message may show. */
    static Object value(Record r, String dottedName) {
        Object current = r;
        for (String part : dottedName.split("\\.")) {
            if (!(current instanceof Record record)) {
                return null;
            }
            current = component(record, part);
        }
        return current;
    }

    private static Object component(Record r, String name) {
        for (RecordComponent c : r.getClass().getRecordComponents()) {
            if (c.getName().equals(name)) {
                return read(c, r);
            }
        }
        throw new IllegalArgumentException(r.getClass().getSimpleName() + " has no component " + name);
    }

    private static void collect(Object before, Object after, String prefix, int depth, List<String> out) {
        for (RecordComponent c : before.getClass().getRecordComponents()) {
            Object a = read(c, before);
            Object b = read(c, after);
            if (same(a, b)) {
                continue;
            }
            String name = prefix + c.getName();
            if (a instanceof Record && !(a instanceof LocalizedText) && b != null && a.getClass() == b.getClass() && depth < MAX_DEPTH) {
                collect(a, b, name + ".", depth + 1, out);
            } else {
                out.add(name);
            }
        }
    }

    /** Whether two config values are equal by content: records component by component, lists, maps and arrays deeply. */
    static boolean same(Object a, Object b) {
        if (a == b) {
            return true;
        }
        if (a == null || b == null || a.getClass() != b.getClass() && !(a instanceof List && b instanceof List)
                && !(a instanceof Map && b instanceof Map) && !(a instanceof Set && b instanceof Set)) {
            return false;
        }
        if (a instanceof Record) {
            for (RecordComponent c : a.getClass().getRecordComponents()) {
                if (!same(read(c, a), read(c, b))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof List<?> la && b instanceof List<?> lb) {
            if (la.size() != lb.size()) {
                return false;
            }
            for (int i = 0; i < la.size(); i++) {
                if (!same(la.get(i), lb.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Map<?, ?> ma && b instanceof Map<?, ?> mb) {
            if (!ma.keySet().equals(mb.keySet())) {
                return false;
            }
            return ma.entrySet().stream().allMatch(e -> same(e.getValue(), mb.get(e.getKey())));
        }
        if (a.getClass().isArray()) {
            return Objects.deepEquals(a, b);
        }
        return a.equals(b);
    }

    private static Object read(RecordComponent c, Object record) {
        try {
            c.getAccessor().setAccessible(true);
            return c.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + record.getClass().getSimpleName() + "." + c.getName(), e);
        }
    }
}
