package dev.bongsu.statuspage.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTest {
    @Test
    void escapesMarkupQuotesAndControlCharacters() {
        assertThat(Html.esc("<a href=\"x\" onclick='y'>&\u0001</a>"))
                .isEqualTo("&lt;a href=&quot;x&quot; onclick=&apos;y&apos;&gt;&amp;&lt;/a&gt;");
        assertThat(Html.esc(null)).isEmpty();
        assertThat(Html.esc("카카오톡")).isEqualTo("카카오톡");
    }

    @Test
    void leavesOutWhatXmlDoesNotAllowSoAFeedStaysWellFormed() {
        assertThat(Html.esc("a\uFFFFb\uFFFEc\u0000d\uD800e")).isEqualTo("abcde");
        assertThat(Html.esc("🔥 fire")).isEqualTo("🔥 fire");
    }
}
