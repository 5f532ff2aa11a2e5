package dev.bongsu.statuspage.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextsTest {
    @Test
    void fillsEachPlaceholderOnceSoThatAnArgumentIsNeverExpandedAgain() {
        assertThat(Texts.fill("{0} and {1}", "name {1}", "x")).isEqualTo("name {1} and x");
    }

    @Test
    void leavesBracesThatAreNotPlaceholdersAlone() {
        assertThat(Texts.fill("{a} {} {9} {0}", "v")).isEqualTo("{a} {} {9} v");
    }
}
