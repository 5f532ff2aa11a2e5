package dev.bongsu.probes.check;

import io.vertx.core.net.PfxOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Certificates for TLS tests, made with the JDK's keytool into a temporary PKCS#12 keystore. */
public final class TestCerts {
    /** The keystore password. */
    public static final String PASSWORD = "changeit";

    private TestCerts() {
    }

    /** A self-signed certificate for {@code fqdn}, made in-process, valid from {@code notBefore} to {@code notAfter}. */
    public static io.netty.handler.ssl.util.SelfSignedCertificate selfSigned(String fqdn, java.time.Instant notBefore,
                                                                          java.time.Instant notAfter) throws Exception {
        // EC keys: RSA key generation takes seconds on a busy machine
        return new io.netty.handler.ssl.util.SelfSignedCertificate(fqdn, java.util.Date.from(notBefore), java.util.Date.from(notAfter),
                "EC", 256);
    }

    /** Server key options of a certificate made by {@link #selfSigned}. */
    public static io.vertx.core.net.PemKeyCertOptions key(io.netty.handler.ssl.util.SelfSignedCertificate c) {
        return new io.vertx.core.net.PemKeyCertOptions().setCertPath(c.certificate().getPath()).setKeyPath(c.privateKey().getPath());
    }

    private static Path expiredKeystore;

    /**
     * A keystore for {@code localhost} whose CA-signed certificate expired nine days ago, made once per test JVM
     * (keytool is slow); trust {@link #trustCa(Path)} of {@link #expiredDir()} to verify it.
     */
    public static synchronized Path expiredCaSigned() throws IOException, InterruptedException {
        if (expiredKeystore == null) {
            Path dir = Files.createTempDirectory("bongsu-probes-certs");
            dir.toFile().deleteOnExit();
            expiredKeystore = caSigned(dir, "expired", "-10d", 1);
        }
        return expiredKeystore;
    }

    /** The directory of {@link #expiredCaSigned()} and its CA. */
    public static Path expiredDir() throws IOException, InterruptedException {
        return expiredCaSigned().getParent();
    }

    /** The PEM file of the test CA in {@code dir}. */
    public static Path caPem(Path dir) {
        return dir.resolve("ca.crt");
    }

    /**
     * A server keystore {@code name.p12} for {@code localhost} whose certificate is signed by a test CA (kept in
     * {@code ca.p12}, created once per directory) and valid from {@code startDate} for {@code validityDays}; trust
     * {@code ca.p12} to verify it, so only the server certificate's own dates decide.
     */
    public static Path caSigned(Path dir, String name, String startDate, int validityDays) throws IOException, InterruptedException {
        Path ca = dir.resolve("ca.p12");
        if (!Files.exists(ca)) {
            keytool("-genkeypair", "-keyalg", "EC", "-groupname", "secp256r1", "-alias", "ca", "-dname", "CN=Bongsu test CA",
                    "-ext", "bc:c", "-validity", "3650", "-keystore", ca.toString(), "-storetype", "PKCS12",
                    "-storepass", PASSWORD, "-keypass", PASSWORD);
        }
        Path ks = dir.resolve(name + ".p12");
        Path csr = dir.resolve(name + ".csr");
        Path crt = dir.resolve(name + ".crt");
        Path caCrt = dir.resolve("ca.crt");
        keytool("-genkeypair", "-keyalg", "EC", "-groupname", "secp256r1", "-alias", "server", "-dname", "CN=localhost",
                "-keystore", ks.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD, "-keypass", PASSWORD);
        keytool("-certreq", "-alias", "server", "-keystore", ks.toString(), "-storepass", PASSWORD, "-file", csr.toString());
        keytool("-gencert", "-alias", "ca", "-keystore", ca.toString(), "-storepass", PASSWORD, "-infile", csr.toString(),
                "-outfile", crt.toString(), "-ext", "SAN=dns:localhost", "-startdate", startDate, "-validity",
                String.valueOf(validityDays), "-rfc");
        keytool("-exportcert", "-alias", "ca", "-keystore", ca.toString(), "-storepass", PASSWORD, "-rfc", "-file", caCrt.toString());
        keytool("-importcert", "-noprompt", "-alias", "ca", "-keystore", ks.toString(), "-storepass", PASSWORD, "-file", caCrt.toString());
        keytool("-importcert", "-noprompt", "-alias", "server", "-keystore", ks.toString(), "-storepass", PASSWORD, "-file", crt.toString());
        return ks;
    }

    /** Runs keytool in this JVM (a JVM start per command is slow on a busy machine); see the surefire argLine. */
    private static void keytool(String... args) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            Class<?> main = Class.forName("sun.security.tools.keytool.Main");
            var constructor = main.getDeclaredConstructor();
            constructor.setAccessible(true);
            var run = main.getDeclaredMethod("run", String[].class, java.io.PrintStream.class);
            run.setAccessible(true);
            run.invoke(constructor.newInstance(), args, new java.io.PrintStream(out));
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw new IllegalStateException("keytool " + args[0] + " failed: " + e.getCause() + " " + out, e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("keytool is not reachable in-process (needs --add-opens "
                    + "java.base/sun.security.tools.keytool=ALL-UNNAMED, set in probes/pom.xml): " + e, e);
        }
    }

    /** Trust options trusting the test CA of {@code dir}. */
    public static PfxOptions trustCa(Path dir) {
        return new PfxOptions().setPath(dir.resolve("ca.p12").toString()).setPassword(PASSWORD);
    }

    /** Server key options of a keystore. */
    public static PfxOptions key(Path keystore) {
        return new PfxOptions().setPath(keystore.toString()).setPassword(PASSWORD);
    }

    /** Trust options trusting the certificate of a keystore. */
    public static PfxOptions trust(Path keystore) {
        return new PfxOptions().setPath(keystore.toString()).setPassword(PASSWORD);
    }

}
