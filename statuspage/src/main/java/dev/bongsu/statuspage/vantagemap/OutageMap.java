package dev.bongsu.statuspage.vantagemap;

import dev.bongsu.model.LocalizedText;
import dev.bongsu.model.config.VantageConfig;
import dev.bongsu.statuspage.publicview.PublicView;
import dev.bongsu.statuspage.render.Lang;
import dev.bongsu.statuspage.render.Times;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a service fails from: one row per public vantage (in config order) with what it measured over a window, and
 * the verdict in a sentence. Vantages the configuration does not mark public are not on it at all.
 *
 * @param from   start of the window
 * @param to     end of the window
 * @param capped whether the window covers only the first part of what it describes
 * @param rows   the public vantages
 */
public record OutageMap(Instant from, Instant to, boolean capped, List<OutageMapRow> rows) {
    /** A map without rows: no public vantage, or nothing read. */
    public static final OutageMap EMPTY = new OutageMap(Instant.EPOCH, Instant.EPOCH, false, List.of());

    public OutageMap {
        rows = List.copyOf(rows);
    }

    /** The map of a window: every vantage {@link PublicView#isPublic public} for the view, measured or not. */
    public static OutageMap of(PublicView view, MeasuredWindow w) {
        List<OutageMapRow> rows = new ArrayList<>();
        for (VantageConfig v : view.config().vantages()) {
            if (!view.isPublic("vantage", v.name())) {
                continue;
            }
            VantageTally t = w.byVantage().getOrDefault(v.name(), new VantageTally(v.name(), 0, 0));
            rows.add(new OutageMapRow(v.name(), v.label(), v.region(), v.country(), v.network(),
                    VantageState.of(t.failed(), t.total()), t.failed(), t.total()));
        }
        return new OutageMap(w.from(), w.to(), w.capped(), rows);
    }

    /** Whether there is nothing to show (no public vantage). */
    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /** Whether any vantage on the map measured something. */
    public boolean hasData() {
        return rows.stream().anyMatch(r -> r.state() != VantageState.NO_DATA);
    }

    /** The verdict of the rows. */
    public OutageVerdict verdict() {
        return OutageMapSentence.verdict(rows);
    }

    /** The verdict in a sentence. */
    public String sentence(Lang lang) {
        return OutageMapSentence.text(verdict(), lang);
    }

    /**
     * The map as JSON: {@code {from, to, capped, vantages: [{id, name: {ko, en}, region, country, network, state,
     * failed, total}], verdict: {kind, network, country, text: {ko, en}}}}; an empty map has no vantages and no verdict.
     */
    public JsonObject toJson() {
        JsonArray vantages = new JsonArray();
        for (OutageMapRow r : rows) {
            vantages.add(new JsonObject().put("id", r.vantage()).put("name", text(r.name())).put("region", r.region())
                    .put("country", r.country()).put("network", r.network()).put("state", r.state().wireName())
                    .put("failed", r.failed()).put("total", r.total()));
        }
        JsonObject out = new JsonObject().put("from", Times.iso(from)).put("to", Times.iso(to)).put("capped", capped)
                .put("vantages", vantages);
        if (!isEmpty()) {
            OutageVerdict v = verdict();
            out.put("verdict", new JsonObject().put("kind", v.kind().wireName()).put("network", v.network()).put("country", v.country())
                    .put("text", text(new LocalizedText(OutageMapSentence.text(v, Lang.KO), OutageMapSentence.text(v, Lang.EN)))));
        }
        return out;
    }

    private static JsonObject text(LocalizedText t) {
        return new JsonObject().put("ko", t.ko()).put("en", t.en());
    }
}
