package dev.bongsu.statuspage.render;

import static dev.bongsu.statuspage.render.Html.esc;

import dev.bongsu.model.ServiceBucket;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Server-rendered SVG charts: 90-day uptime bars and 24-hour latency and availability. */
public final class Charts {
    /** Days shown in the uptime bars. */
    public static final int DAYS = 90;

    private Charts() {
    }

    /** Availability of these buckets as a percentage, or {@code NaN} without probes. */
    public static double percent(List<ServiceBucket> buckets) {
        long count = 0;
        long ok = 0;
        for (ServiceBucket b : buckets) {
            count += b.count();
            ok += b.okCount();
        }
        return count == 0 ? Double.NaN : 100.0 * ok / count;
    }

    /** A percentage like {@code 99.95%}, or the no-data text. */
    public static String pct(double p, Lang lang) {
        if (Double.isNaN(p)) {
            return Texts.t(lang, "no.data");
        }
        return String.format(Locale.ROOT, p >= 99.995 ? "%.0f%%" : "%.2f%%", p >= 99.995 ? 100.0 : p);
    }

    /**
     * One bar per KST day from {@code from}. Full days share one path per colour so that 90 bars per service stay
     * small on a page everyone reloads; days below 99.9 % are drawn one by one with their date and percentage as
     * a title, and are listed in the chart's label for screen readers.
     */
    public static String uptimeBars(List<ServiceBucket> daily, Instant from, Lang lang, String label) {
        Map<Long, ServiceBucket> byStart = new HashMap<>();
        for (ServiceBucket b : daily) {
            byStart.put(b.start(), b);
        }
        int w = 4;
        int gap = 1;
        StringBuilder ok = new StringBuilder(DAYS * 12);
        StringBuilder nd = new StringBuilder(DAYS * 12);
        StringBuilder worse = new StringBuilder();
        StringBuilder worseText = new StringBuilder();
        for (int d = 0; d < DAYS; d++) {
            long start = from.plus(Duration.ofDays(d)).toEpochMilli();
            ServiceBucket b = byStart.get(start);
            double p = b == null ? Double.NaN : 100.0 * b.availability();
            int x = d * (w + gap);
            if (Double.isNaN(p)) {
                nd.append('M').append(x).append(" 0h").append(w).append("v24h-").append(w).append('z');
            } else if (p >= 99.9) {
                ok.append('M').append(x).append(" 0h").append(w).append("v24h-").append(w).append('z');
            } else {
                String day = Times.day(Instant.ofEpochMilli(start)) + " " + pct(p, lang);
                worse.append("<rect class=\"").append(p >= 99 ? "warn" : "bad").append("\" x=\"").append(x)
                        .append("\" width=\"").append(w).append("\" height=\"24\"><title>").append(esc(day)).append("</title></rect>");
                worseText.append(worseText.length() == 0 ? "" : ", ").append(day);
            }
        }
        String aria = worseText.length() == 0 ? label : label + ": " + worseText;
        StringBuilder s = new StringBuilder(ok.length() + nd.length() + worse.length() + 256);
        s.append("<svg class=\"bars\" viewBox=\"0 0 ").append(DAYS * (w + gap)).append(" 24\" preserveAspectRatio=\"none\" ")
                .append("role=\"img\" aria-label=\"").append(esc(aria)).append("\">");
        if (nd.length() > 0) {
            s.append("<path class=\"nd\" d=\"").append(nd).append("\"/>");
        }
        if (ok.length() > 0) {
            s.append("<path class=\"ok\" d=\"").append(ok).append("\"/>");
        }
        return s.append(worse).append("</svg>").toString();
    }

    /** Median and p95 latency over the window as two lines, with axes labelled in KST hours. */
    public static String latency(List<ServiceBucket> buckets, Instant from, Duration window, Lang lang) {
        if (buckets.isEmpty()) {
            return "<p>" + esc(Texts.t(lang, "chart.empty")) + "</p>";
        }
        double max = 1;
        for (ServiceBucket b : buckets) {
            if (!Double.isNaN(b.p95Ms())) {
                max = Math.max(max, b.p95Ms());
            }
        }
        max = niceCeil(max);
        int width = 720;
        int height = 180;
        int left = 48;
        int bottom = 20;
        double plotW = width - left - 8;
        double plotH = height - bottom - 8;
        StringBuilder s = new StringBuilder(buckets.size() * 40 + 2048);
        s.append("<svg class=\"chart\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" role=\"img\" aria-label=\"").append(esc(Texts.t(lang, "latency"))).append("\">");
        axes(s, from, window, left, 8, plotW, plotH, max, "ms");
        for (String series : new String[] {"p95", "p50"}) {
            s.append("<polyline class=\"").append(series).append("\" fill=\"none\" points=\"");
            for (ServiceBucket b : buckets) {
                double v = series.equals("p95") ? b.p95Ms() : b.p50Ms();
                if (Double.isNaN(v)) {
                    continue;
                }
                double x = left + plotW * (b.start() - from.toEpochMilli()) / window.toMillis();
                double y = 8 + plotH * (1 - Math.min(v, max) / max);
                s.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
            }
            s.append("\"/>");
        }
        return s.append("</svg>").toString();
    }

    /** Availability per bucket as bars from 0 to 100 %. */
    public static String availability(List<ServiceBucket> buckets, Instant from, Duration window, Duration step, Lang lang) {
        if (buckets.isEmpty()) {
            return "<p>" + esc(Texts.t(lang, "chart.empty")) + "</p>";
        }
        int width = 720;
        int height = 120;
        int left = 48;
        int bottom = 20;
        double plotW = width - left - 8;
        double plotH = height - bottom - 8;
        double barW = Math.max(0.5, plotW * step.toMillis() / window.toMillis() - 0.3);
        StringBuilder s = new StringBuilder(buckets.size() * 120 + 2048);
        s.append("<svg class=\"chart\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" role=\"img\" aria-label=\"").append(esc(Texts.t(lang, "availability"))).append("\">");
        axes(s, from, window, left, 8, plotW, plotH, 100, "%");
        for (ServiceBucket b : buckets) {
            double a = b.availability();
            if (Double.isNaN(a)) {
                continue;
            }
            double x = left + plotW * (b.start() - from.toEpochMilli()) / window.toMillis();
            double h = plotH * a;
            String cls = a >= 0.999 ? "ok" : a >= 0.9 ? "warn" : "bad";
            s.append(String.format(Locale.ROOT, "<rect class=\"%s\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\">",
                    cls, x, 8 + plotH - h, barW, Math.max(h, 0.5)));
            s.append("<title>").append(esc(Times.display(Instant.ofEpochMilli(b.start())) + ": " + pct(100 * a, lang)))
                    .append("</title></rect>");
        }
        return s.append("</svg>").toString();
    }

    private static void axes(StringBuilder s, Instant from, Duration window, int left, int top, double plotW, double plotH,
                             double max, String unit) {
        s.append(String.format(Locale.ROOT, "<line class=\"axis\" x1=\"%d\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>",
                left, top + plotH, left + plotW, top + plotH));
        for (int i = 0; i <= 2; i++) {
            double v = max * i / 2;
            double y = top + plotH * (1 - (double) i / 2);
            s.append(String.format(Locale.ROOT, "<line class=\"grid\" x1=\"%d\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>",
                    left, y, left + plotW, y));
            s.append(String.format(Locale.ROOT, "<text class=\"lbl\" x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s%s</text>",
                    left - 4, y + 4, fmt(v), esc(unit)));
        }
        for (int i = 0; i <= 4; i++) {
            Instant t = from.plus(window.multipliedBy(i).dividedBy(4));
            double x = left + plotW * i / 4;
            String hhmm = String.format(Locale.ROOT, "%02d:%02d", t.atZone(Times.KST).getHour(), t.atZone(Times.KST).getMinute());
            s.append(String.format(Locale.ROOT, "<text class=\"lbl\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">%s</text>",
                    x, top + plotH + 15, i == 0 ? "start" : i == 4 ? "end" : "middle", hhmm));
        }
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

    private static double niceCeil(double v) {
        double mag = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (v <= m * mag) {
                return m * mag;
            }
        }
        return 10 * mag;
    }
}
