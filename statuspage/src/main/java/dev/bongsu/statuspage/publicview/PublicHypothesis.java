package dev.bongsu.statuspage.publicview;

import dev.bongsu.model.Evidence;
import dev.bongsu.model.LocalizedText;
import java.util.List;

/**
 * The likely cause as the public may see it.
 *
 * @param attribute the top candidate's attribute, {@code null} when that value is not public
 * @param value     its value, {@code null} when not public
 * @param text      a sentence about it, {@code null} when not public
 * @param evidence  the public evidence rows, best first
 */
public record PublicHypothesis(String attribute, String value, LocalizedText text, List<Evidence> evidence) {
    public PublicHypothesis {
        evidence = List.copyOf(evidence);
    }
}
