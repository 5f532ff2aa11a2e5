package dev.bongsu.model.config;

import dev.bongsu.model.CheckType;
import java.util.List;
import java.util.Locale;

/**
 * How many per-check and per-service Prometheus series a configuration implies, and the guard that refuses one over
 * {@code metrics.maxSeries}. The count is an upper bound reached when every check has reported from every vantage:
 *
 * <pre>
 * series = P × (3 + 4 phases) + C + H × 3 + S × 5
 *   P = probed checks × vantages (heartbeat checks excluded)      one set per check and vantage:
 *       up, duration, last result timestamp (3) and one per phase (dns, connect, tls, first_byte)
 *   C = (TLS checks + HTTP checks on https://) × vantages         certificate expiry
 *   H = heartbeat checks                                          the same 3 series, no phases, from the one vantage "push"
 *   S = services                                                  state (4 one-hot series) and health code (1)
 * </pre>
 *
 * With {@code metrics.perCheck: false} only {@code S × 5} remains.
 *
 * @param probedPairs     probed checks × vantages ({@code P}), 0 when per-check series are off
 * @param certPairs       certificate-bearing checks × vantages ({@code C}), 0 when per-check series are off
 * @param heartbeatChecks heartbeat checks ({@code H}), 0 when per-check series are off
 * @param services        services ({@code S})
 */
public record SeriesBudget(long probedPairs, long certPairs, long heartbeatChecks, long services) {
    /** Series of every check × vantage besides its phases: up, duration, last result timestamp. */
    public static final int SERIES_PER_CHECK_VANTAGE = 3;
    /** The phases a probe is timed in, as the {@code phase} label writes them. */
    public static final List<String> PHASES = List.of("dns", "connect", "tls", "first_byte");
    /** Series per service: {@code bongsu_service_state} (one per state) and {@code bongsu_service_health}. */
    public static final int SERIES_PER_SERVICE = 5;

    /** The budget of a configuration. */
    public static SeriesBudget of(BongsuConfig config) {
        long vantages = config.vantages().size();
        long services = config.services().size();
        if (!config.http().metrics().perCheck()) {
            return new SeriesBudget(0, 0, 0, services);
        }
        long probed = 0;
        long certs = 0;
        long heartbeats = 0;
        for (CheckConfig c : config.checks()) {
            if (c.type() == CheckType.HEARTBEAT) {
                heartbeats++;
                continue;
            }
            probed++;
            if (hasCertificate(c)) {
                certs++;
            }
        }
        return new SeriesBudget(probed * vantages, certs * vantages, heartbeats, services);
    }

    /** Whether probes of this check can report a certificate's expiry: TLS checks and HTTP checks on https. */
    public static boolean hasCertificate(CheckConfig check) {
        return check.target() instanceof TlsTarget
                || check.target() instanceof HttpTarget h && "https".equalsIgnoreCase(h.url().getScheme());
    }

    /** The number of series. */
    public long total() {
        return probedPairs * (SERIES_PER_CHECK_VANTAGE + PHASES.size()) + certPairs + heartbeatChecks * SERIES_PER_CHECK_VANTAGE
                + services * SERIES_PER_SERVICE;
    }

    /** The formula with this configuration's numbers, e.g. {@code 1500 × 7 + 1500 + 0 × 3 + 100 × 5 = 12,500}. */
    public String formula() {
        return String.format(Locale.ROOT, "checks×vantages × %d + certificate checks×vantages + heartbeat checks × %d + services × %d = "
                        + "%d × %d + %d + %d × %d + %d × %d = %,d",
                SERIES_PER_CHECK_VANTAGE + PHASES.size(), SERIES_PER_CHECK_VANTAGE, SERIES_PER_SERVICE,
                probedPairs, SERIES_PER_CHECK_VANTAGE + PHASES.size(), certPairs, heartbeatChecks, SERIES_PER_CHECK_VANTAGE,
                services, SERIES_PER_SERVICE, total());
    }

    /**
     * Refuses a configuration whose budget is over {@code metrics.maxSeries}; {@code maxSeries} is that key's node (a
     * missing node when the default applies), so the error names the file and line.
     */
    static void enforce(BongsuConfig config, ConfigNode maxSeries) {
        SeriesBudget budget = of(config);
        int limit = config.http().metrics().maxSeries();
        if (budget.total() > limit) {
            throw maxSeries.problem(String.format(Locale.ROOT,
                    "this configuration implies %,d Prometheus series, more than the limit of %,d (%s); raise metrics.maxSeries, "
                            + "set metrics.perCheck: false, or watch fewer checks or from fewer vantages (docs/METRICS.md, cardinality)",
                    budget.total(), limit, budget.formula()));
        }
    }
}
