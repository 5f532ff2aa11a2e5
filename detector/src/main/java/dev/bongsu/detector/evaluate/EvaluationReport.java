package dev.bongsu.detector.evaluate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** The text report of {@code bongsu evaluate}: one row per scenario, its problems, totals, then {@code N passed, M failed}. */
public final class EvaluationReport {
    private EvaluationReport() {
    }

    /** The report's lines. */
    public static List<String> lines(List<ScenarioResult> results, boolean verbose) {
        List<String> out = new ArrayList<>();
        int width = Math.max(8, results.stream().mapToInt(r -> r.scenario().name().length()).max().orElse(8));
        String row = "%-" + width + "s  %-6s  %-22s  %-9s  %-28s  %s";
        out.add(String.format(Locale.ROOT, row, "scenario", "result", "detected after onset", "incidents", "top hypothesis", "false"));
        int expected = 0;
        int matched = 0;
        int hypotheses = 0;
        int hypothesesRight = 0;
        int falseIncidents = 0;
        Duration slowest = null;
        double slowestIntervals = 0;
        int passed = 0;
        for (ScenarioResult r : results) {
            Scenario s = r.scenario();
            Duration d = r.slowestDetection();
            String detection = d == null ? "-" : String.format(Locale.ROOT, "%s (%.2f intervals)", seconds(d), intervals(d, s));
            int m = (int) r.matches().stream().filter(x -> x.raised() != null).count();
            String hyp = r.matches().stream().filter(x -> x.expected().hypothesis() != null)
                    .map(x -> Objects.toString(x.hypothesis(), "none") + (Boolean.TRUE.equals(x.hypothesisRight()) ? " right" : " WRONG"))
                    .findFirst().orElse("-");
            out.add(String.format(Locale.ROOT, row, s.name(), r.passed() ? "PASS" : "FAIL", detection,
                    m + "/" + s.expected().size(), hyp, r.falseIncidents().size()));
            for (String p : r.problems()) {
                out.add("    " + p);
            }
            if (verbose) {
                for (ScenarioResult.Timed t : r.transitions()) {
                    var i = t.transition().incident();
                    out.add(String.format(Locale.ROOT, "    %8s  %-8s %s #%d %s: %s", seconds(t.at()),
                            t.transition().type().wireName(), i.id(), i.sequence(), i.kind().wireName(),
                            i.timeline().get(i.timeline().size() - 1).text().en()));
                }
            }
            expected += s.expected().size();
            matched += m;
            for (ScenarioResult.Match x : r.matches()) {
                if (x.hypothesisRight() != null) {
                    hypotheses++;
                    hypothesesRight += x.hypothesisRight() ? 1 : 0;
                }
            }
            falseIncidents += r.falseIncidents().size();
            if (d != null && intervals(d, s) > slowestIntervals) {
                slowest = d;
                slowestIntervals = intervals(d, s);
            }
            passed += r.passed() ? 1 : 0;
        }
        out.add(String.format(Locale.ROOT,
                "totals: %d scenarios; incidents raised %d of %d expected; top hypothesis right %d of %d; false incidents %d; slowest detection %s",
                results.size(), matched, expected, hypothesesRight, hypotheses, falseIncidents,
                slowest == null ? "-" : String.format(Locale.ROOT, "%.2f intervals (%s)", slowestIntervals, seconds(slowest))));
        out.add(passed + " passed, " + (results.size() - passed) + " failed");
        return out;
    }

    /** A duration in seconds with one decimal, e.g. {@code 7.2 s}. */
    static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

    private static double intervals(Duration d, Scenario s) {
        return (double) d.toMillis() / s.interval().toMillis();
    }
}
