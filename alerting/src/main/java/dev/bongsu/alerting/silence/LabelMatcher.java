package dev.bongsu.alerting.silence;

import dev.bongsu.model.config.RouteConfig;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One matcher of a silence: {@code label=value}, {@code label!=value}, {@code label=~regex} or
 * {@code label!~regex}. A label with several values (a correlated incident's providers) matches {@code =} and
 * {@code =~} when any value does; {@code !=} and {@code !~} when none does.
 *
 * @param label one of kind, severity, service, provider, category, datacenter, region
 * @param op    {@code =}, {@code !=}, {@code =~} or {@code !~}
 * @param value the value or the regular expression (anchored)
 */
public record LabelMatcher(String label, String op, String value) {
    private static final Pattern FORM = Pattern.compile("([a-z]+)\\s*(=~|!~|!=|=)\\s*(.*)");

    /** The longest value or regular expression accepted. */
    public static final int MAX_VALUE = 200;

    public LabelMatcher {
        if (label == null) {
            throw new IllegalArgumentException("no label; expected one of " + String.join(", ", RouteConfig.LABELS));
        }
        if (!RouteConfig.LABELS.contains(label)) {
            throw new IllegalArgumentException("unknown label '" + label + "'; expected one of " + String.join(", ", RouteConfig.LABELS));
        }
        if (op == null || !Set.of("=", "!=", "=~", "!~").contains(op)) {
            throw new IllegalArgumentException("unknown operator '" + op + "'; expected =, !=, =~ or !~");
        }
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("matcher for '" + label + "' has no value");
        }
        if (value.length() > MAX_VALUE) {
            throw new IllegalArgumentException("matcher for '" + label + "' has a value longer than " + MAX_VALUE + " characters");
        }
        if (op.endsWith("~")) {
            try {
                Pattern.compile(value);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("invalid regular expression for '" + label + "': " + e.getDescription());
            }
        }
    }

    /** Parses {@code provider=kakao}, {@code service=~kakao.*} and the like. */
    public static LabelMatcher parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("expected a matcher such as provider=kakao or service=~kakao.*, found nothing");
        }
        Matcher m = FORM.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("expected a matcher such as provider=kakao or service=~kakao.*, found '" + text + "'");
        }
        return new LabelMatcher(m.group(1), m.group(2), m.group(3).trim());
    }

    /** Whether the incident's values of this label satisfy the matcher. */
    public boolean matches(Set<String> values) {
        boolean any = switch (op) {
            case "=", "!=" -> values.contains(value);
            default -> {
                Pattern p = Pattern.compile(value);
                yield values.stream().anyMatch(v -> p.matcher(v).matches());
            }
        };
        return op.startsWith("!") ? !any : any;
    }

    @Override
    public String toString() {
        return label + op + value;
    }
}
