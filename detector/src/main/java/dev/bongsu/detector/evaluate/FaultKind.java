package dev.bongsu.detector.evaluate;

/** How a faulty service answers a probe in a scenario. */
public enum FaultKind {
    /** The connection is refused at once. */
    REFUSE("refuse"),
    /** Nothing answers; the probe fails at its timeout. */
    TIMEOUT("timeout"),
    /** The service answers 503. */
    HTTP_5XX("5xx"),
    /** The service answers correctly, but slowly. */
    SLOW("slow"),
    /** The vantage reports nothing at all (its prober died). */
    SILENT("silent");

    private final String word;

    FaultKind(String word) {
        this.word = word;
    }

    /** The word used in scenario files. */
    public String word() {
        return word;
    }

    /** The kind written as {@code word}, or {@code null}. */
    static FaultKind of(String word) {
        for (FaultKind k : values()) {
            if (k.word.equals(word)) {
                return k;
            }
        }
        return null;
    }
}
