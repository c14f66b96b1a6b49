package fr.ent.platform.operator.tenantmanager;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The TLS trust of calls to tenant-manager's admin endpoint: exactly the CA certificates of one PEM file (the
 * {@code ca.crt} of the CA that issued the admin endpoint's certificate, {@code ENT_TENANT_MANAGER_CA}), instead of
 * the JVM's public CAs. The host name is still checked against the certificate (the JDK HTTP client does that for
 * every https URL), so a certificate of that CA for another service is refused too.
 */
public final class TenantManagerTls {

    private TenantManagerTls() {
    }

    public static SSLContext trusting(Path caCertificates) {
        try (InputStream in = Files.newInputStream(caCertificates)) {
            Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509")
                    .generateCertificates(in);
            if (certificates.isEmpty()) {
                throw new IllegalArgumentException("no certificate in " + caCertificates);
            }
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            int i = 0;
            for (Certificate certificate : certificates) {
                trust.setCertificateEntry("ca-" + i++, certificate);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the tenant-manager CA " + caCertificates, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("invalid tenant-manager CA " + caCertificates + ": " + e.getMessage(), e);
        }
    }
}
