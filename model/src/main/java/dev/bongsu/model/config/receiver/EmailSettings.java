package dev.bongsu.model.config.receiver;

import dev.bongsu.model.config.ConfigNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * E-mail to on-call addresses, sent through the top-level {@code smtp} section (the server subscription e-mails use).
 *
 * @param to            the recipients, at least one
 * @param subjectPrefix what every subject starts with, e.g. {@code [Bongsu]}
 * @param lang          the language(s) of subject and body
 */
public record EmailSettings(List<String> to, String subjectPrefix, Language lang) implements ReceiverSettings {
    /** The YAML type name. */
    public static final String TYPE = "email";
    /** The keys of this kind besides the common ones. */
    public static final List<String> KEYS = List.of("to", "subjectPrefix", "lang");
    /** The subject prefix used when none is set. */
    public static final String DEFAULT_SUBJECT_PREFIX = "[Bongsu]";
    private static final Pattern ADDRESS = Pattern.compile("[^\\s<>@,;\"]+@([^\\s<>@,;\"]+\\.[^\\s<>@,;\"]+|localhost)");

    /** The languages of a message. */
    public enum Language {
        /** Korean only. */
        KO,
        /** English only. */
        EN,
        /** Korean first, then English (the default). */
        BOTH;

        /** Whether Korean is written. */
        public boolean korean() {
            return this != EN;
        }

        /** Whether English is written. */
        public boolean english() {
            return this != KO;
        }
    }

    public EmailSettings {
        to = List.copyOf(to);
        Objects.requireNonNull(subjectPrefix, "subjectPrefix");
        Objects.requireNonNull(lang, "lang");
        if (to.isEmpty()) {
            throw new IllegalArgumentException("an email receiver needs at least one address");
        }
    }

    /** Recipients with the default prefix, in both languages. */
    public EmailSettings(List<String> to) {
        this(to, DEFAULT_SUBJECT_PREFIX, Language.BOTH);
    }

    /** Reads {@code to} (one address or a list), {@code subjectPrefix} and {@code lang: ko | en | both}. */
    public static EmailSettings read(ConfigNode r) {
        ConfigNode toNode = r.require("to");
        List<String> to = new ArrayList<>();
        for (ConfigNode a : toNode.oneOrMany()) {
            String address = a.nonEmptyText().trim();
            if (!ADDRESS.matcher(address).matches()) {
                throw a.error("an e-mail address such as oncall@example.com");
            }
            if (to.contains(address)) {
                throw a.problem("duplicate address '" + address + "'");
            }
            to.add(address);
        }
        if (to.isEmpty()) {
            throw toNode.error("at least one e-mail address");
        }
        String prefix = DEFAULT_SUBJECT_PREFIX;
        ConfigNode p = r.get("subjectPrefix");
        if (!p.isMissing()) {
            prefix = p.nonEmptyText().trim();
            if (prefix.chars().anyMatch(Character::isISOControl) || prefix.length() > 60) {
                throw p.error("a short text on one line (at most 60 characters)");
            }
        }
        Language lang = Language.valueOf(r.get("lang").choiceOr("both", "ko", "en", "both").toUpperCase(Locale.ROOT));
        return new EmailSettings(to, prefix, lang);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public List<String> secrets() {
        return List.of();
    }

    @Override
    public boolean needsSmtp() {
        return true;
    }
}
