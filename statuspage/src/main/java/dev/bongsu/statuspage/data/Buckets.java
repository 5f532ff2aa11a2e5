package dev.bongsu.statuspage.data;

import dev.bongsu.model.ServiceBucket;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Merging of history buckets, so that a refresh only re-reads the part of a window that can still change. */
public final class Buckets {
    private Buckets() {
    }

    /**
     * The buckets of a window starting at {@code windowStart}: the old ones from the window start up to
     * {@code freshFrom}, then the freshly read ones (which replace everything from {@code freshFrom} on), oldest first.
     */
    public static List<ServiceBucket> merge(List<ServiceBucket> old, List<ServiceBucket> fresh, long windowStart, long freshFrom) {
        List<ServiceBucket> out = new ArrayList<>(old.size() + fresh.size());
        for (ServiceBucket b : old) {
            if (b.start() >= windowStart && b.start() < freshFrom) {
                out.add(b);
            }
        }
        out.addAll(fresh);
        out.sort(Comparator.comparingLong(ServiceBucket::start));
        return List.copyOf(out);
    }
}
