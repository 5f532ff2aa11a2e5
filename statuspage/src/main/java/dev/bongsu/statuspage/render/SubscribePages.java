package dev.bongsu.statuspage.render;

import static dev.bongsu.statuspage.render.Html.esc;

import dev.bongsu.model.LocalizedText;
import dev.bongsu.model.config.StatusPageConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The small per-request pages of subscribing: the form, "check your inbox", and the confirm and unsubscribe pages,
 * whose buttons POST (a link scanner that merely fetches a link changes nothing). No JavaScript; every text escaped.
 */
public final class SubscribePages {
    /** The path of the form. */
    public static final String FORM_PATH = "/subscribe";

    private SubscribePages() {
    }

    /**
     * The form; {@code error} (or {@code null}) is shown above it.
     *
     * @param providers  public provider values with display names
     * @param categories public category values with display names
     * @param services   service ids with display names
     */
    public static String form(Lang lang, StatusPageConfig page, Instant now, String error, Map<String, LocalizedText> providers,
                              Map<String, LocalizedText> categories, Map<String, LocalizedText> services) {
        StringBuilder b = new StringBuilder(4096);
        b.append("<h1>").append(esc(Texts.t(lang, "sub.title"))).append("</h1>\n<p class=\"lead\">")
                .append(esc(Texts.t(lang, "sub.intro"))).append("</p>\n");
        if (error != null) {
            b.append("<p id=\"sub-error\" class=\"sub-error\" role=\"alert\">").append(esc(Texts.t(lang, "sub.error", error))).append("</p>\n");
        }
        b.append("<form id=\"subscribe\" class=\"subscribe\" method=\"post\" action=\"").append(FORM_PATH).append("?lang=")
                .append(lang.tag()).append("\">\n")
                .append("<p><label for=\"email\">").append(esc(Texts.t(lang, "sub.email"))).append("</label><br>")
                .append("<input id=\"email\" name=\"email\" type=\"email\" maxlength=\"254\" autocomplete=\"email\" size=\"40\"></p>\n")
                .append("<details><summary>").append(esc(Texts.t(lang, "sub.webhook"))).append("</summary><p><label for=\"webhook\">")
                .append(esc(Texts.t(lang, "sub.webhook.help"))).append("</label><br>")
                .append("<input id=\"webhook\" name=\"webhook\" type=\"url\" maxlength=\"2048\" size=\"50\" placeholder=\"https://\"></p></details>\n")
                .append("<fieldset><legend>").append(esc(Texts.t(lang, "sub.lang"))).append("</legend>");
        for (Lang l : Lang.values()) {
            b.append("<label><input type=\"radio\" name=\"lang\" value=\"").append(l.tag()).append('"')
                    .append(l == lang ? " checked" : "").append("> ").append(l == Lang.KO ? "한국어" : "English").append("</label> ");
        }
        b.append("</fieldset>\n<fieldset><legend>").append(esc(Texts.t(lang, "sub.scope"))).append("</legend>\n<p class=\"note\">")
                .append(esc(Texts.t(lang, "sub.scope.help"))).append("</p>\n");
        boxes(b, lang, "sub.providers", "provider", providers);
        boxes(b, lang, "sub.categories", "category", categories);
        boxes(b, lang, "sub.services", "service", services);
        b.append("</fieldset>\n<p class=\"note\">").append(esc(Texts.t(lang, "sub.privacy"))).append("</p>\n")
                .append("<p><button type=\"submit\">").append(esc(Texts.t(lang, "sub.submit"))).append("</button></p>\n</form>\n");
        return Layout.page(lang, page, Texts.t(lang, "sub.title"), FORM_PATH, now, b.toString());
    }

    private static void boxes(StringBuilder b, Lang lang, String heading, String field, Map<String, LocalizedText> values) {
        if (values.isEmpty()) {
            return;
        }
        b.append("<p class=\"choices\"><strong>").append(esc(Texts.t(lang, heading))).append("</strong><br>");
        for (Map.Entry<String, LocalizedText> e : values.entrySet()) {
            b.append("<label><input type=\"checkbox\" name=\"").append(field).append("\" value=\"").append(esc(e.getKey())).append("\"> ")
                    .append(esc(e.getValue().in(lang.tag()))).append("</label> ");
        }
        b.append("</p>\n");
    }

    /** After a request: "check your inbox" (or the webhook), or, when it could not be sent, that it was not. */
    public static String pending(Lang lang, StatusPageConfig page, Instant now, boolean webhook, boolean sent, Duration within) {
        String title = Texts.t(lang, sent ? "sub.pending.title" : "sub.notsent.title");
        String text = sent ? Texts.t(lang, webhook ? "sub.pending.webhook" : "sub.pending.email", validity(within, lang))
                : Texts.t(lang, "sub.notsent");
        return message(lang, page, now, title, "sub-" + (sent ? "pending" : "notsent"), text, FORM_PATH);
    }

    /** How long a link stays valid, in whole hours when it is ("48 hours", "48시간"), else in minutes. */
    static String validity(Duration d, Lang lang) {
        long minutes = d.toMinutes();
        if (minutes % 60 == 0) {
            long h = minutes / 60;
            return lang == Lang.KO ? h + "시간" : h + (h == 1 ? " hour" : " hours");
        }
        return lang == Lang.KO ? minutes + "분" : minutes + (minutes == 1 ? " minute" : " minutes");
    }

    /** A page with a button that POSTs to {@code action} ({@code confirm} or {@code unsubscribe}) with the link's id and token. */
    public static String button(Lang lang, StatusPageConfig page, Instant now, String action, String path, String id, String token) {
        String title = Texts.t(lang, "sub." + action + ".title");
        String query = "?id=" + Html.seg(id) + "&token=" + Html.seg(token) + "&lang=" + lang.tag();
        String body = "<h1>" + esc(title) + "</h1>\n<p>" + esc(Texts.t(lang, "sub." + action + ".text")) + "</p>\n"
                + "<form id=\"sub-" + action + "\" method=\"post\" action=\"" + esc(path + query) + "\">"
                + "<p><button type=\"submit\">" + esc(Texts.t(lang, "sub." + action + ".button")) + "</button></p></form>\n";
        return Layout.page(lang, page, title, path + "?id=" + Html.seg(id) + "&token=" + Html.seg(token), now, body);
    }

    /** A short page saying what happened: {@code textKey} names one of the sub.* texts, {@code id} the paragraph's id. */
    public static String result(Lang lang, StatusPageConfig page, Instant now, String titleKey, String id, String textKey) {
        return message(lang, page, now, Texts.t(lang, titleKey), id, Texts.t(lang, textKey), FORM_PATH);
    }

    private static String message(Lang lang, StatusPageConfig page, Instant now, String title, String id, String text, String path) {
        String body = "<h1>" + esc(title) + "</h1>\n<p id=\"" + id + "\">" + esc(text) + "</p>\n<p><a href=\"/?lang=" + lang.tag()
                + "\">" + esc(Texts.t(lang, "back")) + "</a></p>\n";
        return Layout.page(lang, page, title, path, now, body);
    }
}
