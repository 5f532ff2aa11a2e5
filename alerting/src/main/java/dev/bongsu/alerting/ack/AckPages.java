package dev.bongsu.alerting.ack;

import dev.bongsu.model.Acknowledgement;

/**
 * The small pages of an acknowledgement link (English, for on-call people): a button that POSTs (opening a link
 * acknowledges nothing, so a mail scanner cannot), the outcome, and why a link was refused. Not public status pages.
 */
final class AckPages {
    private AckPages() {
    }

    /** The confirmation page: the incident, a name field and a button posting back to the same link. */
    static String confirm(String incidentId, String title, String action) {
        String body = "<h1>Acknowledge incident</h1>\n"
                + "<p id=\"ack-incident\"><strong>" + esc(title) + "</strong><br><code>" + esc(incidentId) + "</code></p>\n"
                + "<p>Acknowledging says you are on it: reminders stop and no further escalation step is taken."
                + " New changes and the resolution are still sent.</p>\n"
                + "<form id=\"ack-form\" method=\"post\" action=\"" + esc(action) + "\">\n"
                + "<p><label>Your name (optional) <input name=\"by\" maxlength=\"" + Acknowledger.MAX_BY + "\" autocomplete=\"name\"></label></p>\n"
                + "<p><button type=\"submit\">Acknowledge</button></p>\n</form>\n";
        return page("Acknowledge incident " + incidentId, body);
    }

    /** The incident is (now or already) acknowledged. */
    static String done(Acknowledgement a, boolean now) {
        String text = (now ? "Acknowledged by " : "Already acknowledged by ") + a.by() + " at " + a.at() + ".";
        return page("Incident acknowledged", "<h1>Incident acknowledged</h1>\n<p id=\"ack-done\">" + esc(text) + "</p>\n");
    }

    /** A refusal or another outcome, with a paragraph id tests and people can find. */
    static String message(String title, String id, String text) {
        return page(title, "<h1>" + esc(title) + "</h1>\n<p id=\"" + id + "\">" + esc(text) + "</p>\n");
    }

    private static String page(String title, String body) {
        return "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"robots\" content=\"noindex\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + esc(title) + " · Bongsu</title>"
                + "<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem;line-height:1.5}"
                + "button{font-size:1.1rem;padding:.5rem 1.5rem}input{font-size:1rem;padding:.3rem}</style></head>\n<body>\n"
                + body + "</body></html>\n";
    }

    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
