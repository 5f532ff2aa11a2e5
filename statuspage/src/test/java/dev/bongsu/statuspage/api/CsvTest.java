package dev.bongsu.statuspage.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsvTest {
    @Test
    void quotesWhatNeedsQuotingAndDefusesFormulas() {
        assertThat(Csv.cell("plain")).isEqualTo("plain");
        assertThat(Csv.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(Csv.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(Csv.cell("=HYPERLINK(\"x\")")).startsWith("\"'=");
        assertThat(Csv.cell("-5")).isEqualTo("-5");
        assertThat(Csv.cell(null)).isEmpty();
    }
}
