package dev.bongsu.statuspage.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTest {
    @Test
    void escapesMarkupQuotesAndControlCharacters() {
        assertThat(Html.esc("<a href=\"x\" onclick='y'>&\u0001</a>"))
                .isEqualTo("&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
        assertThat(Html.esc(null)).isEmpty();
        assertThat(Html.esc("카카오톡")).isEqualTo("카카오톡");
    }
}
