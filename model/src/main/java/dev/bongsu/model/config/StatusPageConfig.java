package dev.bongsu.model.config;

import dev.bongsu.model.LocalizedText;

/**
 * The public status page.
 *
 * @param title       the page title
 * @param description a line under the title, or {@code null}
 */
public record StatusPageConfig(LocalizedText title, LocalizedText description) {
    /** The defaults. */
    public static StatusPageConfig defaults() {
        return new StatusPageConfig(new LocalizedText("봉수 서비스 상태", "Bongsu service status"), null);
    }
}
