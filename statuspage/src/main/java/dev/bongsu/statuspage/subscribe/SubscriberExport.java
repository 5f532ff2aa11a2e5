package dev.bongsu.statuspage.subscribe;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Subscribers as the admin API shows them, JSON or CSV (RFC 4180, formula-like cells neutralised with a leading
 * {@code '}). The secret is never shown: it only signs messages and links.
 */
public final class SubscriberExport {
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get();
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private SubscriberExport() {
    }

    /** One subscriber as JSON. */
    public static JsonObject json(Subscriber s) {
        return new JsonObject().put("id", s.id()).put("channel", s.channel().name().toLowerCase(java.util.Locale.ROOT))
                .put("address", s.address()).put("lang", s.lang()).put("status", s.confirmed() ? "confirmed" : "pending")
                .put("scope", SubscriberTable.scopeJson(s.scope())).put("createdAt", s.createdAt().toString())
                .put("confirmedAt", s.confirmedAt() == null ? null : s.confirmedAt().toString());
    }

    /** {@code {"count":n,"subscribers":[…]}}. */
    public static JsonObject json(List<Subscriber> all) {
        JsonArray a = new JsonArray();
        all.forEach(s -> a.add(json(s)));
        return new JsonObject().put("count", all.size()).put("subscribers", a);
    }

    /** One row per subscriber; lists joined with {@code ;}. */
    public static String csv(List<Subscriber> all) {
        StringBuilder b = new StringBuilder(128 + all.size() * 128);
        try (CSVPrinter p = new CSVPrinter(b, FORMAT)) {
            p.printRecord("id", "channel", "address", "lang", "status", "providers", "categories", "services", "created_at", "confirmed_at");
            for (Subscriber s : all) {
                JsonObject j = json(s);
                JsonObject scope = j.getJsonObject("scope");
                p.printRecord(cell(s.id()), cell(j.getString("channel")), cell(s.address()), cell(s.lang()), cell(j.getString("status")),
                        cell(join(scope.getJsonArray("providers"))), cell(join(scope.getJsonArray("categories"))),
                        cell(join(scope.getJsonArray("services"))), cell(j.getString("createdAt")), cell(j.getString("confirmedAt")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not fail
        }
        return b.toString();
    }

    private static String join(JsonArray a) {
        return String.join(";", a.stream().map(String::valueOf).toList());
    }

    /** A cell a spreadsheet reads as text, never as a formula. */
    static String cell(String v) {
        return v != null && !v.isEmpty() && FORMULA_STARTS.indexOf(v.charAt(0)) >= 0 ? "'" + v : v;
    }
}
