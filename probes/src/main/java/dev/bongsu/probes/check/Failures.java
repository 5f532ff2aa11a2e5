package dev.bongsu.probes.check;

import dev.bongsu.model.ErrorClass;
import io.netty.channel.ChannelException;
import io.netty.channel.ConnectTimeoutException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.RejectedExecutionException;
import javax.net.ssl.SSLException;

/**
 * Maps an I/O failure to exactly one {@link ErrorClass}. Details name only the peer ({@code host:port}) and the
 * kind of failure, never a URL, header or request body, so no secret from a check's configuration leaks.
 *
 * <p>Failures of the probing host itself come first, whatever the phase: out of file descriptors (EMFILE, ENFILE),
 * out of local ports (EADDRNOTAVAIL), out of socket buffers (ENOBUFS), a socket or event loop Netty could not create
 * or register, memory or threads exhausted. Those are {@code local_resource}: nothing reached the target.
 */
public final class Failures {
    private static final int MAX_REASON = 120;
    /** Lower-case fragments of the messages the JDK, Netty and the kernel give for a host out of resources. */
    private static final List<String> LOCAL_MESSAGES = List.of(
            "too many open files",               // EMFILE (process) and ENFILE ("too many open files in system")
            "cannot assign requested address",   // EADDRNOTAVAIL: no local port left
            "no buffer space available",         // ENOBUFS
            "failed to open a socket",           // Netty could not create the channel
            "failed to create a child event loop",
            "unable to create native thread",
            "event executor terminated");        // the event loop to register with is gone

    private Failures() {
    }

    /** Classifies {@code cause}, which happened in {@code phase} while talking to {@code where}. */
    public static Failure classify(Throwable cause, ProbePhase phase, String where) {
        String all = messages(cause);
        if (isLocal(cause, all)) {
            return local(cause, where);
        }
        if (has(cause, SSLException.class) || has(cause, CertificateException.class) || phase == ProbePhase.TLS) {
            return new Failure(ErrorClass.TLS, "TLS with " + where + " failed: " + tlsReason(cause));
        }
        if (has(cause, ConnectTimeoutException.class)) {
            return new Failure(ErrorClass.CONNECT_TIMEOUT, "connect to " + where + " timed out");
        }
        if (has(cause, UnknownHostException.class) || phase == ProbePhase.RESOLVE) {
            return new Failure(ErrorClass.DNS, "cannot resolve " + where + ": " + reason(cause));
        }
        if (all.contains("connection refused")) {
            return new Failure(ErrorClass.CONNECT_REFUSED, "connection refused by " + where);
        }
        if (all.contains("connection reset") || all.contains("broken pipe")) {
            return new Failure(ErrorClass.CONNECTION_RESET, "connection reset by " + where);
        }
        if (all.contains("timed out") && phase == ProbePhase.CONNECT) {
            return new Failure(ErrorClass.CONNECT_TIMEOUT, "connect to " + where + " timed out");
        }
        if (has(cause, NoRouteToHostException.class) || has(cause, ConnectException.class) || has(cause, IOException.class)) {
            return new Failure(ErrorClass.NETWORK, "network error with " + where + ": " + reason(cause));
        }
        return new Failure(ErrorClass.INTERNAL, "probe of " + where + " failed: " + reason(cause));
    }

    /** Whether {@code cause} is the probing host out of a resource ({@code local_resource}). */
    public static boolean isLocal(Throwable cause) {
        return isLocal(cause, messages(cause));
    }

    /** The {@code local_resource} failure of a probe of {@code where} that could not even start. */
    public static Failure local(Throwable cause, String where) {
        return new Failure(ErrorClass.LOCAL_RESOURCE, "probe of " + where + " could not run on this host: " + reason(cause));
    }

    private static boolean isLocal(Throwable cause, String all) {
        if (has(cause, ChannelException.class) || has(cause, RejectedExecutionException.class)
                || has(cause, VirtualMachineError.class)) {
            return true;
        }
        for (String m : LOCAL_MESSAGES) {
            if (all.contains(m)) {
                return true;
            }
        }
        return false;
    }

    private static boolean has(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return false;
    }

    private static String messages(Throwable t) {
        StringBuilder sb = new StringBuilder();
        for (Throwable c = t; c != null && c.getCause() != c; c = c.getCause()) {
            sb.append(' ').append(c.getClass().getSimpleName()).append(' ').append(c.getMessage());
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }

    private static String tlsReason(Throwable t) {
        String all = messages(t);
        if (all.contains("certificateexpired") || all.contains("validity check failed") || all.contains("expired")) {
            return "certificate expired or not yet valid";
        }
        if (all.contains("no subject alternative") || all.contains("no name matching")
                || all.contains("hostname") && all.contains("match")) {
            return "certificate does not match the host name";
        }
        if (all.contains("pkix") || all.contains("unable to find valid certification path")) {
            return "certificate not trusted (self-signed or unknown issuer)";
        }
        return reason(t);
    }

    /** The innermost message, trimmed, without anything after a newline. */
    static String reason(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        int nl = m.indexOf('\n');
        if (nl >= 0) {
            m = m.substring(0, nl);
        }
        return m.length() > MAX_REASON ? m.substring(0, MAX_REASON) + "…" : m;
    }
}
