package dev.bongsu.statuspage.snapshot;

/** The keys pre-rendered answers are stored under. */
public final class SnapshotKeys {
    private SnapshotKeys() {
    }

    /** An HTML page in one language, e.g. {@code page:/:ko}. */
    public static String page(String path, String lang) {
        return "page:" + path + ":" + lang;
    }

    /** A language-independent answer by its path, e.g. {@code /api/v1/status}. */
    public static String path(String path) {
        return path;
    }

    /** A badge in one language. */
    public static String badge(String serviceId, String lang) {
        return "badge:" + serviceId + ":" + lang;
    }
}
