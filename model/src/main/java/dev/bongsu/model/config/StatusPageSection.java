package dev.bongsu.model.config;

import dev.bongsu.model.LocalizedText;

/** Reads the {@code statusPage} section. */
final class StatusPageSection {
    private StatusPageSection() {
    }

    static StatusPageConfig read(ConfigNode n) {
        n.allowOnly("title", "description");
        StatusPageConfig d = StatusPageConfig.defaults();
        return new StatusPageConfig(text(n.get("title"), d.title()), text(n.get("description"), d.description()));
    }

    /** A text given as one string or as {@code {ko, en}}. */
    static LocalizedText text(ConfigNode n, LocalizedText def) {
        return n.isMissing() ? def : n.localizedText();
    }
}
