package dev.bongsu.alerting.notify;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Removes secrets and the paths of URLs from text that may reach a log, an API answer or an error. */
public final class Redactor {
    private static final Pattern URL = Pattern.compile("(https?://)([^/\\s?#\"']+)([^\\s\"']*)");
    private final List<String> secrets;

    /** A redactor that also hides these exact values (tokens, keys, full URLs). */
    public Redactor(List<String> secrets) {
        List<String> s = new ArrayList<>();
        for (String v : secrets) {
            if (v != null && v.length() >= 4) {
                s.add(v);
                // A receiver may echo only the path of its URL (Slack, Telegram carry secrets there).
                Matcher m = URL.matcher(v);
                if (m.matches() && m.group(3).length() >= 4) {
                    s.add(m.group(3));
                }
            }
        }
        s.sort(Comparator.comparingInt(String::length).reversed());
        this.secrets = List.copyOf(s);
    }

    /** The text with secrets replaced by {@code (hidden)} and URL paths by {@code /…}. */
    public String redact(String text) {
        if (text == null) {
            return "";
        }
        String out = text;
        for (String s : secrets) {
            out = out.replace(s, "(hidden)");
        }
        Matcher m = URL.matcher(out);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String rest = m.group(3);
            m.appendReplacement(sb, Matcher.quoteReplacement(m.group(1) + m.group(2) + (rest.isEmpty() ? "" : "/…")));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
