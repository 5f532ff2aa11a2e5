package dev.bongsu.detector.evaluate;

import dev.bongsu.model.scenario.Scenario;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The text report of {@code bongsu evaluate}: one row per scenario (detection delay in intervals, final hypothesis,
 * time to the correct hypothesis, revisions, incidents, false incidents), its problems, totals, then
 * {@code N passed, M failed}.
 */
public final class EvaluationReport {
    private EvaluationReport() {
    }

    /** The report's lines. */
    public static List<String> lines(List<ScenarioResult> results, boolean verbose) {
        List<String> out = new ArrayList<>();
        int width = Math.max(8, results.stream().mapToInt(r -> r.scenario().name().length()).max().orElse(8));
        String row = "%-" + width + "s  %-6s  %-8s  %-32s  %-9s  %-4s  %-9s  %s";
        out.add(String.format(Locale.ROOT, row, "scenario", "result", "delay", "final hypothesis", "correct@", "rev",
                "incidents", "false"));
        Totals totals = new Totals();
        for (ScenarioResult r : results) {
            Scenario s = r.scenario();
            Duration d = r.slowestDetection();
            int expected = (int) r.matches().size();
            int raised = (int) r.matches().stream().filter(x -> x.raised() != null).count();
            ScenarioResult.Match h = r.matches().stream().filter(x -> x.expected().hypothesis() != null).findFirst().orElse(null);
            String hyp = h == null ? "-" : Objects.toString(h.hypothesis(), "none")
                    + (Boolean.TRUE.equals(h.hypothesisRight()) ? " right" : " WRONG");
            Duration onset = h == null ? null : Judge.onset(s, h.expected());
            String correctAt = h == null || h.hypothesisAt() == null ? "-"
                    : seconds(onset == null ? h.hypothesisAt() : h.hypothesisAt().minus(onset));
            String revisions = h == null || h.raised() == null ? "-" : String.valueOf(h.revisions());
            String result = !s.labelled() ? "RAN" : r.passed() ? "PASS" : "FAIL";
            out.add(String.format(Locale.ROOT, row, s.name(), result, d == null ? "-" : String.format(Locale.ROOT, "%.2f", intervals(d, s)),
                    hyp, correctAt, revisions, raised + "/" + expected, r.falseIncidents().size()));
            r.problems().forEach(p -> out.add("    " + p));
            if (verbose || !s.labelled()) {
                for (ScenarioResult.Timed t : r.transitions()) {
                    var i = t.transition().incident();
                    out.add(String.format(Locale.ROOT, "    %8s  %-8s %s #%d %s: %s", seconds(t.at()),
                            t.transition().type().wireName(), i.id(), i.sequence(), i.kind().wireName(),
                            i.timeline().get(i.timeline().size() - 1).text().en()));
                }
            }
            totals.add(r, d, expected, raised);
        }
        out.add(totals.line(results.size()));
        out.add(totals.passed + " passed, " + (results.size() - totals.passed) + " failed");
        return out;
    }

    /** The running totals of a report. */
    private static final class Totals {
        int expected;
        int matched;
        int hypotheses;
        int hypothesesRight;
        int revisions;
        int falseIncidents;
        int passed;
        Duration slowest;
        double slowestIntervals;

        void add(ScenarioResult r, Duration d, int expectedHere, int raisedHere) {
            expected += expectedHere;
            matched += raisedHere;
            for (ScenarioResult.Match x : r.matches()) {
                if (x.hypothesisRight() != null) {
                    hypotheses++;
                    hypothesesRight += x.hypothesisRight() ? 1 : 0;
                }
                revisions += x.revisions();
            }
            falseIncidents += r.falseIncidents().size();
            if (d != null && intervals(d, r.scenario()) > slowestIntervals) {
                slowest = d;
                slowestIntervals = intervals(d, r.scenario());
            }
            passed += r.passed() ? 1 : 0;
        }

        String line(int scenarios) {
            return String.format(Locale.ROOT,
                    "totals: %d scenarios; incidents raised %d of %d expected; final hypothesis right %d of %d; "
                            + "hypothesis revisions %d; false incidents %d; slowest detection %s",
                    scenarios, matched, expected, hypothesesRight, hypotheses, revisions, falseIncidents,
                    slowest == null ? "-" : String.format(Locale.ROOT, "%.2f intervals (%s)", slowestIntervals, seconds(slowest)));
        }
    }

    /** A duration in seconds with one decimal, e.g. {@code 7.2 s}; {@code -} for none. */
    static String seconds(Duration d) {
        return d == null ? "-" : String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

    private static double intervals(Duration d, Scenario s) {
        return (double) d.toMillis() / s.interval().toMillis();
    }
}
