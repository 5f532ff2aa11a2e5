package dev.bongsu.statuspage.render;

import static dev.bongsu.statuspage.render.Html.esc;

import dev.bongsu.model.config.StatusPageConfig;
import java.time.Instant;

/** The frame around every page: head, header with navigation and language switch, footer. */
public final class Layout {
    /** Where the one stylesheet is served. */
    public static final String CSS_PATH = "/assets/status.css";

    private Layout() {
    }

    /**
     * A whole page.
     *
     * @param lang      the language
     * @param page      the status page texts
     * @param title     this page's title (not escaped yet)
     * @param path      this page's path and query without {@code lang}, for the switch link
     * @param builtAt   when the data was read
     * @param body      the main content, already HTML
     */
    public static String page(Lang lang, StatusPageConfig page, String title, String path, Instant builtAt, String body) {
        String site = page.title().in(lang.tag());
        String fullTitle = title == null ? site : title + " · " + site;
        String sep = path.contains("?") ? "&" : "?";
        StringBuilder b = new StringBuilder(8192);
        b.append("<!DOCTYPE html>\n<html lang=\"").append(lang.tag()).append("\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(esc(fullTitle)).append("</title>\n")
                .append("<link rel=\"stylesheet\" href=\"").append(CSS_PATH).append("\">\n")
                .append("<link rel=\"alternate\" type=\"application/atom+xml\" href=\"/feed.atom\" title=\"")
                .append(esc(Texts.t(lang, "feed"))).append("\">\n")
                .append("<link rel=\"alternate\" hreflang=\"").append(lang.other().tag()).append("\" href=\"")
                .append(esc(path + sep + "lang=" + lang.other().tag())).append("\">\n")
                .append("</head>\n<body>\n<a class=\"skip\" href=\"#main\">").append(esc(Texts.t(lang, "skip"))).append("</a>\n")
                .append("<header class=\"top\">\n<div class=\"wrap\">\n<p class=\"site\"><a href=\"/?lang=").append(lang.tag())
                .append("\">").append(esc(site)).append("</a></p>\n<nav aria-label=\"site\"><ul>")
                .append("<li><a href=\"/?lang=").append(lang.tag()).append("\">").append(esc(Texts.t(lang, "home"))).append("</a></li>")
                .append("<li><a href=\"/history?lang=").append(lang.tag()).append("\">").append(esc(Texts.t(lang, "history"))).append("</a></li>")
                .append("<li><a href=\"/feed.atom\">").append(esc(Texts.t(lang, "feed"))).append("</a></li>")
                .append(page.subscriptions() != null && page.subscriptions().enabled() ? "<li><a id=\"subscribe-link\" href=\"/subscribe?lang="
                        + lang.tag() + "\">" + esc(Texts.t(lang, "sub.nav")) + "</a></li>" : "")
                .append("<li><a id=\"lang-switch\" lang=\"").append(lang.other().tag()).append("\" hreflang=\"")
                .append(lang.other().tag()).append("\" href=\"").append(esc(path + sep + "lang=" + lang.other().tag()))
                .append("\">").append(esc(Texts.t(lang, "switch"))).append("</a></li>")
                .append("</ul></nav>\n</div>\n</header>\n<main id=\"main\" class=\"wrap\">\n")
                .append(body)
                .append("</main>\n<footer class=\"wrap\">\n<p>").append(esc(Texts.t(lang, "times.note"))).append(' ')
                .append(esc(Texts.t(lang, "updated"))).append(": <time datetime=\"").append(Times.attr(builtAt)).append("\">")
                .append(esc(Times.display(builtAt))).append("</time></p>\n</footer>\n</body>\n</html>\n");
        return b.toString();
    }
}
