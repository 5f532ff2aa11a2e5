package dev.bongsu.model;

import java.util.List;

/**
 * The likely common cause of an incident, with the evidence for every candidate, best first.
 *
 * @param attribute the attribute of the top candidate ({@code provider}, {@code datacenter}, {@code region},
 *                  {@code dependsOn}, {@code vantage}, …)
 * @param value     its value
 * @param text      the hypothesis as a plain sentence
 * @param evidence  every candidate considered, best first
 */
public record Hypothesis(String attribute, String value, LocalizedText text, List<Evidence> evidence) {
    public Hypothesis {
        evidence = List.copyOf(evidence);
    }
}
