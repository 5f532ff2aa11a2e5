package dev.bongsu.model;

import java.util.Objects;

/** A text in Korean and English. */
public record LocalizedText(String ko, String en) {
    public LocalizedText {
        Objects.requireNonNull(ko, "ko");
        Objects.requireNonNull(en, "en");
    }

    /** The text for a language tag; anything but {@code ko} gets English. */
    public String in(String lang) {
        return "ko".equals(lang) ? ko : en;
    }
}
