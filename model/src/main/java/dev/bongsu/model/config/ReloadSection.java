package dev.bongsu.model.config;

/** Reads the top-level {@code reload} section. */
final class ReloadSection {
    private ReloadSection() {
    }

    static ReloadConfig read(ConfigNode n) {
        if (n.isMissing()) {
            return ReloadConfig.defaults();
        }
        n.allowOnly("watch");
        return new ReloadConfig(n.get("watch").boolOr(false));
    }
}
