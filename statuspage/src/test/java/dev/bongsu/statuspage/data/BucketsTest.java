package dev.bongsu.statuspage.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bongsu.model.ServiceBucket;
import java.util.List;
import org.junit.jupiter.api.Test;

class BucketsTest {
    private static ServiceBucket b(long start, long ok) {
        return new ServiceBucket(start, 10, ok, 1, 2, 3);
    }

    @Test
    void freshBucketsReplaceTheReReadRangeAndOldOnesFallOutOfTheWindow() {
        List<ServiceBucket> old = List.of(b(0, 10), b(5, 10), b(10, 10), b(15, 4));
        List<ServiceBucket> fresh = List.of(b(15, 9), b(20, 10));
        assertThat(Buckets.merge(old, fresh, 5, 15)).containsExactly(b(5, 10), b(10, 10), b(15, 9), b(20, 10));
        assertThat(Buckets.merge(List.of(), fresh, 0, 0)).containsExactly(b(15, 9), b(20, 10));
    }
}
