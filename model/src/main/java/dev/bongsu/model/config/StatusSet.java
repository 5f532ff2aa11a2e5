package dev.bongsu.model.config;

import java.util.List;

/** Acceptable HTTP status codes: single codes, classes like {@code 2xx} and ranges like {@code 200-299}. */
public record StatusSet(List<int[]> ranges, String text) {
    /** Any 2xx. */
    public static final StatusSet SUCCESS = new StatusSet(List.<int[]>of(new int[] {200, 299}), "2xx");

    public StatusSet {
        ranges = List.copyOf(ranges);
    }

    /** Whether a status is acceptable. */
    public boolean matches(int status) {
        for (int[] r : ranges) {
            if (status >= r[0] && status <= r[1]) {
                return true;
            }
        }
        return false;
    }

    /**
     * Parses one element: {@code 200}, {@code 2xx} or {@code 200-299}; returns {@code null} when it is none of
     * these.
     */
    public static int[] parseRange(String s) {
        s = s.trim();
        try {
            if (s.matches("[1-5]xx")) {
                int base = (s.charAt(0) - '0') * 100;
                return new int[] {base, base + 99};
            }
            if (s.matches("\\d{3}-\\d{3}")) {
                int lo = Integer.parseInt(s.substring(0, 3));
                int hi = Integer.parseInt(s.substring(4));
                return lo >= 100 && hi <= 599 && lo <= hi ? new int[] {lo, hi} : null;
            }
            if (s.matches("\\d{3}")) {
                int code = Integer.parseInt(s);
                return code >= 100 && code <= 599 ? new int[] {code, code} : null;
            }
        } catch (NumberFormatException e) {
            return null;
        }
        return null;
    }

    @Override
    public String toString() {
        return text;
    }
}
