package dev.bongsu.model.config;

import java.util.List;

/** Reads the {@code alerting} section. */
final class AlertingSection {
    private AlertingSection() {
    }

    static AlertingConfig read(ConfigNode n, List<ServiceConfig> services, List<VantageConfig> vantages) {
        n.allowOnly();
        return AlertingConfig.defaults();
    }
}
