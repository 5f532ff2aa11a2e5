package dev.bongsu.model.config;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A whole, validated Bongsu configuration.
 *
 * @param http      the HTTP server (API, status page, metrics)
 * @param admin     the admin API
 * @param vantages  where probes run from
 * @param services  what is watched, with their checks
 * @param storage   where results, rollups and incidents are kept
 * @param probes    probe engine settings
 * @param detector  detection thresholds
 * @param alerting  notification routing
 * @param statusPage the public status page
 * @param cluster   how nodes find each other in cluster mode ({@code probe} and {@code server} commands)
 * @param smtp      the SMTP server for subscription e-mails and e-mail receivers, or {@code null} when none is configured
 * @param ops       how Bongsu itself is operated: reload and watchdog
 */
public record BongsuConfig(
        HttpConfig http,
        AdminConfig admin,
        List<VantageConfig> vantages,
        List<ServiceConfig> services,
        StorageConfig storage,
        ProbeSettings probes,
        DetectorConfig detector,
        AlertingConfig alerting,
        StatusPageConfig statusPage,
        ClusterConfig cluster,
        SmtpConfig smtp,
        OperationsConfig ops) {

    public BongsuConfig {
        vantages = List.copyOf(vantages);
        services = List.copyOf(services);
        java.util.Objects.requireNonNull(cluster, "cluster");
        java.util.Objects.requireNonNull(ops, "ops");
    }

    /** A configuration with default operations settings (no file watching, no watchdog). */
    public BongsuConfig(HttpConfig http, AdminConfig admin, List<VantageConfig> vantages, List<ServiceConfig> services,
                        StorageConfig storage, ProbeSettings probes, DetectorConfig detector, AlertingConfig alerting,
                        StatusPageConfig statusPage, ClusterConfig cluster, SmtpConfig smtp) {
        this(http, admin, vantages, services, storage, probes, detector, alerting, statusPage, cluster, smtp, OperationsConfig.defaults());
    }

    /** A configuration without an SMTP server. */
    public BongsuConfig(HttpConfig http, AdminConfig admin, List<VantageConfig> vantages, List<ServiceConfig> services,
                        StorageConfig storage, ProbeSettings probes, DetectorConfig detector, AlertingConfig alerting,
                        StatusPageConfig statusPage, ClusterConfig cluster) {
        this(http, admin, vantages, services, storage, probes, detector, alerting, statusPage, cluster, null);
    }

    /** A configuration with the default (single loopback node) cluster settings. */
    public BongsuConfig(HttpConfig http, AdminConfig admin, List<VantageConfig> vantages, List<ServiceConfig> services,
                        StorageConfig storage, ProbeSettings probes, DetectorConfig detector, AlertingConfig alerting,
                        StatusPageConfig statusPage) {
        this(http, admin, vantages, services, storage, probes, detector, alerting, statusPage, ClusterConfig.defaults(), null);
    }

    /** The service with this id. */
    public Optional<ServiceConfig> service(String id) {
        return services.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /** Every check of every service. */
    public List<CheckConfig> checks() {
        return services.stream().flatMap(s -> s.checks().stream()).collect(Collectors.toList());
    }

    /**
     * The status page's public address, without a trailing slash: {@code statusPage.publicUrl} when set, else
     * {@code http.publicUrl}. Every absolute link the site gives out (feed, v2, e-mails, webhooks) starts with it.
     */
    public String pageUrl() {
        String url = statusPage.publicUrl() != null ? statusPage.publicUrl() : http.publicUrl();
        return url.replaceAll("/+$", "");
    }

    /** The vantage names, in config order. */
    public List<String> vantageNames() {
        return vantages.stream().map(VantageConfig::name).toList();
    }

    /** This config with other vantages (the demo simulates its own). */
    public BongsuConfig withVantages(List<VantageConfig> newVantages) {
        return new BongsuConfig(http, admin, newVantages, services, storage, probes, detector, alerting, statusPage, cluster, smtp, ops);
    }

    /** This config with another HTTP server setting. */
    public BongsuConfig withHttp(HttpConfig newHttp) {
        return new BongsuConfig(newHttp, admin, vantages, services, storage, probes, detector, alerting, statusPage, cluster, smtp, ops);
    }

    /** This config with other services (the demo points them at the simulator). */
    public BongsuConfig withServices(List<ServiceConfig> newServices) {
        return new BongsuConfig(http, admin, vantages, newServices, storage, probes, detector, alerting, statusPage, cluster, smtp, ops);
    }

    /** This config with another alerting setting. */
    public BongsuConfig withAlerting(AlertingConfig newAlerting) {
        return new BongsuConfig(http, admin, vantages, services, storage, probes, detector, newAlerting, statusPage, cluster, smtp, ops);
    }

    /** This config with another storage setting. */
    public BongsuConfig withStorage(StorageConfig newStorage) {
        return new BongsuConfig(http, admin, vantages, services, newStorage, probes, detector, alerting, statusPage, cluster, smtp, ops);
    }

    /** This config with other cluster settings. */
    public BongsuConfig withCluster(ClusterConfig newCluster) {
        return new BongsuConfig(http, admin, vantages, services, storage, probes, detector, alerting, statusPage, newCluster, smtp, ops);
    }

    /** This config with another SMTP server ({@code null}: none). */
    public BongsuConfig withSmtp(SmtpConfig newSmtp) {
        return new BongsuConfig(http, admin, vantages, services, storage, probes, detector, alerting, statusPage, cluster, newSmtp, ops);
    }

    /** This config with other operations settings. */
    public BongsuConfig withOps(OperationsConfig newOps) {
        return new BongsuConfig(http, admin, vantages, services, storage, probes, detector, alerting, statusPage, cluster, smtp, newOps);
    }
}
