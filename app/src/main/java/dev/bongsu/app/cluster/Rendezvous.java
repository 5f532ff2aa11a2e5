package dev.bongsu.app.cluster;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Rendezvous (highest-random-weight) hashing of check ids over nodes: each check goes to the node with the highest
 * weight for the pair. Every node computes the same answer from the same node list, every check goes to exactly
 * one node, and a node joining or leaving moves only the checks it takes or had.
 */
public final class Rendezvous {
    private Rendezvous() {
    }

    /** The node a check belongs to; {@code nodes} must not be empty. */
    public static String owner(String checkId, Collection<String> nodes) {
        return ownerAmong(checkId, List.copyOf(new TreeSet<>(nodes)));
    }

    private static String ownerAmong(String checkId, List<String> sortedNodes) {
        String best = null;
        long bestWeight = 0;
        for (String node : sortedNodes) {
            long w = weight(node, checkId);
            if (best == null || Long.compareUnsigned(w, bestWeight) > 0) {
                best = node;
                bestWeight = w;
            }
        }
        if (best == null) {
            throw new IllegalArgumentException("no nodes to assign check '" + checkId + "' to");
        }
        return best;
    }

    /** The checks of {@code checkIds} that belong to {@code node}, in their given order. */
    public static List<String> share(String node, Collection<String> checkIds, Collection<String> nodes) {
        List<String> sorted = List.copyOf(new TreeSet<>(nodes));
        List<String> out = new ArrayList<>();
        for (String check : checkIds) {
            if (ownerAmong(check, sorted).equals(node)) {
                out.add(check);
            }
        }
        return out;
    }

    /** Every node (sorted) with its checks; nodes without checks map to an empty list. */
    public static Map<String, List<String>> assign(Collection<String> checkIds, Collection<String> nodes) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        new TreeSet<>(nodes).forEach(n -> out.put(n, new ArrayList<>()));
        if (out.isEmpty()) {
            return out;
        }
        List<String> sorted = List.copyOf(out.keySet());
        for (String check : checkIds) {
            out.get(ownerAmong(check, sorted)).add(check);
        }
        return out;
    }

    /** A stable 64-bit weight of the pair: FNV-1a over the UTF-8 bytes, then a SplitMix64 finaliser to spread it. */
    static long weight(String node, String checkId) {
        long h = 0xcbf29ce484222325L;
        h = fnv(h, node.getBytes(StandardCharsets.UTF_8));
        h = fnv(h, new byte[] {0});
        h = fnv(h, checkId.getBytes(StandardCharsets.UTF_8));
        h += 0x9e3779b97f4a7c15L;
        h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
        h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
        return h ^ (h >>> 31);
    }

    private static long fnv(long h, byte[] bytes) {
        for (byte b : bytes) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }
}
