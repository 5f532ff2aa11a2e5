package dev.bongsu.app.chaos;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The server's log while fuzzing: stack traces, and the lines requests caused (every line but the detector's,
 * the probes' and notification deliveries of the outage in progress).
 */
record FuzzLog(List<String> stackTraces, int requestLines, int allLines, List<String> sample) {
    private static final Pattern TRACE = Pattern.compile("^\\s+at \\S+\\(.*\\)$|^Caused by: |^\\S*(Exception|Error)(: .*)?$|^\\s+\\.\\.\\. \\d+ more$");
    /** Lines of the system's own work that goes on while fuzzing. */
    private static final Pattern BACKGROUND = Pattern.compile(
            "^\\d\\d:\\d\\d:\\d\\d INFO  (DetectorVerticle|ProbeVerticle|StateChangePrinter|AlertingVerticle|Outbox\\w*|"
                    + "LogNotifier|log|outbox|server|run|detector|probes?|alerting|aggregator|AggregatorVerticle|\\w*Store): ");

    static FuzzLog of(String window) {
        List<String> traces = new ArrayList<>();
        List<String> caused = new ArrayList<>();
        int all = 0;
        for (String line : window.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            all++;
            if (TRACE.matcher(line).find()) {
                if (traces.size() < 60) {
                    traces.add(line);
                }
            }
            if (!BACKGROUND.matcher(line).find()) {
                caused.add(line);
            }
        }
        return new FuzzLog(traces, caused.size(), all, List.copyOf(caused));
    }

    String summary(int requests) {
        java.util.Map<String, Long> kinds = sample.stream().collect(java.util.stream.Collectors.groupingBy(
                l -> l.replaceFirst("^\\d\\d:\\d\\d:\\d\\d ", "").replaceAll("\\d+", "N"), java.util.TreeMap::new,
                java.util.stream.Collectors.counting()));
        return "  server log while fuzzing: " + allLines + " lines, " + requestLines + " not from background work (for " + requests
                + " requests), " + stackTraces.size() + " stack-trace lines" + (sample.isEmpty() ? "" : "; first:\n    "
                + String.join("\n    ", sample.subList(0, Math.min(8, sample.size())))) + "\n  kinds of request-caused lines (most frequent): " + kinds.entrySet().stream()
                .sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed()).limit(12)
                .map(e -> e.getValue() + " × " + (e.getKey().length() > 160 ? e.getKey().substring(0, 160) + "…" : e.getKey()))
                .collect(java.util.stream.Collectors.joining("\n    ", "\n    ", ""));
    }
}
