package dev.bongsu.probes.check.tls;

import dev.bongsu.model.CheckType;
import dev.bongsu.model.ErrorClass;
import dev.bongsu.model.ProbeResult;
import dev.bongsu.model.config.CheckConfig;
import dev.bongsu.model.config.TlsTarget;
import dev.bongsu.probes.check.Checker;
import dev.bongsu.probes.check.Connector;
import dev.bongsu.probes.check.ProbeAttempt;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetSocket;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * Probes a TLS certificate: handshake (verifying chain and host name when asked), then days until the leaf
 * certificate expires, which fails the check as {@code cert_expiring} below {@code minDaysLeft}; a handshake or
 * verification failure is {@code tls}.
 */
public final class TlsChecker implements Checker {
    private static final double MS_PER_DAY = 86_400_000.0;
    private final Vertx vertx;
    private final Connector connector;

    /** A checker connecting through {@code connector}. */
    public TlsChecker(Vertx vertx, Connector connector) {
        this.vertx = vertx;
        this.connector = connector;
    }

    @Override
    public CheckType type() {
        return CheckType.TLS;
    }

    @Override
    public Future<ProbeResult> probe(CheckConfig check, String vantage, long startedAtMs) {
        ProbeAttempt a = new ProbeAttempt(vertx, check, vantage, startedAtMs);
        TlsTarget target = (TlsTarget) check.target();
        connector.resolve(a, target.host())
                .compose(address -> connector.connect(a, address, target.port()))
                .compose(socket -> connector.startTls(a, socket, target.host(), target.verify()))
                .onSuccess(socket -> inspect(a, target, socket, startedAtMs));
        return a.future();
    }

    private static void inspect(ProbeAttempt a, TlsTarget target, NetSocket socket, long nowMs) {
        X509Certificate leaf;
        try {
            List<Certificate> chain = socket.peerCertificates();
            if (chain == null || chain.isEmpty() || !(chain.get(0) instanceof X509Certificate)) {
                a.fail(ErrorClass.TLS, 0, "no X.509 certificate presented by " + target.host() + ":" + target.port());
                return;
            }
            leaf = (X509Certificate) chain.get(0);
        } catch (javax.net.ssl.SSLPeerUnverifiedException e) {
            a.fail(ErrorClass.TLS, 0, "peer of " + target.host() + ":" + target.port() + " not verified");
            return;
        }
        double days = Math.floor((leaf.getNotAfter().getTime() - nowMs) / MS_PER_DAY * 100) / 100;
        if (days < 0) {
            a.fail(ErrorClass.CERT_EXPIRING, 0, "certificate expired " + Math.abs(days) + " days ago", days);
        } else if (days < target.minDaysLeft()) {
            a.fail(ErrorClass.CERT_EXPIRING, 0, "certificate expires in " + days + " days, fewer than " + target.minDaysLeft(), days);
        } else {
            a.succeed(0, days);
        }
    }
}
