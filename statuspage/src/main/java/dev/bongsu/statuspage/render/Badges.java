package dev.bongsu.statuspage.render;

import static dev.bongsu.statuspage.render.Html.esc;

import dev.bongsu.model.Health;

/** Small SVG badges, {@code name | state}, for embedding in other pages. */
public final class Badges {
    private Badges() {
    }

    /** A badge for one service. */
    public static String badge(String label, Health health, Lang lang) {
        String value = Texts.health(lang, health);
        int lw = textWidth(label) + 12;
        int vw = textWidth(value) + 12;
        String color = switch (health) {
            case UP -> "#1a7f37";
            case DEGRADED -> "#9a6700";
            case DOWN -> "#cf222e";
            case UNKNOWN -> "#6e7781";
        };
        String aria = esc(label + ": " + value);
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + (lw + vw) + "\" height=\"20\" role=\"img\" aria-label=\""
                + aria + "\"><title>" + aria + "</title>"
                + "<rect width=\"" + lw + "\" height=\"20\" fill=\"#555\"/>"
                + "<rect x=\"" + lw + "\" width=\"" + vw + "\" height=\"20\" fill=\"" + color + "\"/>"
                + "<g fill=\"#fff\" font-family=\"Verdana,DejaVu Sans,sans-serif\" font-size=\"11\" text-anchor=\"middle\">"
                + "<text x=\"" + (lw / 2) + "\" y=\"14\">" + esc(label) + "</text>"
                + "<text x=\"" + (lw + vw / 2) + "\" y=\"14\">" + esc(value) + "</text></g></svg>";
    }

    private static int textWidth(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); i++) {
            w += s.charAt(i) > 0x2E80 ? 12 : 7;
        }
        return w;
    }
}
