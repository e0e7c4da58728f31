package io.p4n4.clients.internal.mqtt;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import javax.net.ssl.TrustManagerFactory;

/** Trusts the CA certificates of one PEM file (the broker's CA), with the JDK alone. */
final class PemTrust {

    private PemTrust() {
    }

    /** Returns a trust manager factory trusting every certificate in {@code caFile}; USER error when unusable. */
    static TrustManagerFactory of(Path caFile) {
        try (InputStream in = Files.newInputStream(caFile)) {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                store.setCertificateEntry("ca-" + i++, c);
            }
            if (i == 0) {
                throw new P4n4Exception(ErrorCode.USER, "MQTT TLS CA file " + caFile
                        + " holds no certificate: give a PEM file with -----BEGIN CERTIFICATE----- blocks");
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store);
            return tmf;
        } catch (IOException e) {
            throw new P4n4Exception(ErrorCode.USER, "cannot read the MQTT TLS CA file " + caFile + ": " + e, e);
        } catch (GeneralSecurityException e) {
            throw new P4n4Exception(ErrorCode.USER, "the MQTT TLS CA file " + caFile
                    + " is not a PEM X.509 certificate file: " + e.getMessage(), e);
        }
    }
}
