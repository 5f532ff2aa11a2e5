package dev.bongsu.app.heartbeat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What is kept of a pushed message. */
class PushMessageTest {
    @Test
    void controlAndFormatCharactersBecomeOneSpace() {
        assertThat(PushMessage.clean("disk\n\tfull\u202e on /dev/sda1\u0000")).isEqualTo("disk full on /dev/sda1");
    }

    @Test
    void nothingLeftIsNoMessage() {
        assertThat(PushMessage.clean(null)).isNull();
        assertThat(PushMessage.clean(" \r\n ")).isNull();
    }

    @Test
    void aLongMessageIsCutToTwoHundredCharactersWithAnEllipsis() {
        String cut = PushMessage.clean("백".repeat(150) + "x".repeat(150));

        assertThat(cut.codePointCount(0, cut.length())).isEqualTo(200);
        assertThat(cut).startsWith("백".repeat(150)).endsWith("x…");
        assertThat(PushMessage.clean("y".repeat(200))).isEqualTo("y".repeat(200));
    }

    @Test
    void keepsEmojiWhole() {
        assertThat(PushMessage.clean("backup ok 👍")).isEqualTo("backup ok 👍");
    }
}
