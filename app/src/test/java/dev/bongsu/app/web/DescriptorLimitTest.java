package dev.bongsu.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class DescriptorLimitTest {
    @ParameterizedTest(name = "limit {0} → cap {1}")
    @CsvSource({
        "1048576, 786432",
        "20000, 15000",
        "2048, 1536",
        "1024, 512",
        "600, 88",
        "300, 32",
    })
    void theCapKeepsTheLargerOfAQuarterOr512DescriptorsInReserve(long limit, int cap) {
        assertThat(DescriptorLimit.defaultCap(OptionalLong.of(limit))).isEqualTo(cap);
    }

    @Test
    void whatIsAlreadyOpenIsReservedToo() {
        assertThat(DescriptorLimit.defaultCap(OptionalLong.of(2048), 300)).isEqualTo(1236);
        assertThat(DescriptorLimit.defaultCap(OptionalLong.of(1024), 900)).isEqualTo(DescriptorLimit.MIN_CAP);
    }

    @Test
    void anUnknownLimitGivesAModestCap() {
        assertThat(DescriptorLimit.defaultCap(OptionalLong.empty())).isEqualTo(DescriptorLimit.CAP_WHEN_UNKNOWN);
    }

    @Test
    void thisProcessesLimitCanBeRead() {
        assertThat(DescriptorLimit.processLimit()).as("a Unix JVM tells its descriptor limit").isPresent();
        assertThat(DescriptorLimit.openNow()).isPositive();
    }
}
