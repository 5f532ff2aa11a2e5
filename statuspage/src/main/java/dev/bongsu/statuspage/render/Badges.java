package dev.bongsu.statuspage.render;

import static dev.bongsu.statuspage.render.Html.esc;

import dev.bongsu.model.Health;
import dev.bongsu.statuspage.data.Overall;

/** Small SVG badges, {@code name | state}, for embedding in other pages. */
public final class Badges {
    private Badges() {
    }

    /** A badge for one service. */
    public static String badge(String label, Health health, Lang lang) {
        String color = switch (health) {
            case UP -> "#1a7f37";
            case DEGRADED -> "#9a6700";
            case DOWN -> "#cf222e";
            case UNKNOWN -> "#6e7781";
        };
        return draw(label, Texts.health(lang, health), color);
    }

    /** A badge for a service in a scheduled maintenance in progress: "점검 중" / "Under maintenance". */
    public static String maintenance(String label, Lang lang) {
        return draw(label, Texts.t(lang, "health.maintenance"), MaintenanceFragments.BADGE_COLOR);
    }

    /** A badge for the whole page or a group of services: {@code label | overall state}. */
    public static String overall(String label, Overall overall, Lang lang) {
        String color = switch (overall) {
            case OPERATIONAL -> "#1a7f37";
            case DEGRADED -> "#9a6700";
            case PARTIAL_OUTAGE -> "#bc4c00";
            case MAJOR_OUTAGE -> "#cf222e";
            case NO_DATA -> "#6e7781";
            case MAINTENANCE -> MaintenanceFragments.BADGE_COLOR;
        };
        return draw(label, Texts.overall(lang, overall), color);
    }

    private static String draw(String label, String value, String color) {
        int lw = textWidth(label) + 12;
        int vw = textWidth(value) + 12;
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
