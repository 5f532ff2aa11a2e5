package dev.bongsu.statuspage.reports;

import dev.bongsu.model.web.ApiErrors;
import dev.bongsu.statuspage.api.BadParameter;
import dev.bongsu.statuspage.data.SiteData;
import dev.bongsu.statuspage.snapshot.Responder;
import dev.bongsu.statuspage.web.Answers;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Supplier;

/** {@code GET /api/v1/reports} (JSON) and {@code /api/v1/reports.csv} (or {@code Accept: text/csv}). */
public final class ReportsHandler {
    private final ReportService reports;
    private final Supplier<SiteData> data;

    /** Answers from {@code reports}, with the public view and the time of the latest build from {@code data}. */
    public ReportsHandler(ReportService reports, Supplier<SiteData> data) {
        this.reports = reports;
        this.data = data;
    }

    /** Handles one request. */
    public void handle(RoutingContext ctx) {
        SiteData d = data.get();
        ReportQuery q;
        try {
            q = ReportQuery.parse(ctx.queryParams(), d.view(), d.now());
        } catch (BadParameter e) {
            ApiErrors.badRequest(ctx, e.getMessage());
            return;
        }
        String accept = ctx.request().getHeader(HttpHeaders.ACCEPT);
        boolean csv = ctx.request().path().endsWith(".csv") || (accept != null && accept.contains("text/csv"));
        reports.report(q, d.view())
                .onSuccess(a -> Responder.send(ctx, csv ? a.csv() : a.json(), Responder.VARY_ACCEPT))
                .onFailure(e -> {
                    if (e instanceof ReportService.Busy) {
                        ctx.response().putHeader(HttpHeaders.RETRY_AFTER, "5");
                        ApiErrors.send(ctx, 429, e.getMessage());
                    } else {
                        Answers.failure(ctx, e);
                    }
                });
    }
}
