package io.p4n4.agent.nats.internal;

import io.p4n4.agent.nats.NatsTls;
import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Builds the {@link SSLContext} of a {@link NatsTls} from PEM files with the JDK alone (no BouncyCastle
 * PEM parser): certificates through {@link CertificateFactory}, the key as unencrypted PKCS#8. Errors name
 * the file and what to do, never its content.
 */
public final class PemTls {

    private PemTls() {
    }

    /** Returns an SSL context trusting the CA and presenting the client certificate, if any; it verifies host names. */
    public static SSLContext context(NatsTls tls) {
        try {
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            int i = 0;
            for (Certificate ca : certificates(tls.caFile())) {
                trust.setCertificateEntry("ca-" + i++, ca);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            KeyManagerFactory kmf = null;
            if (tls.certFile() != null && tls.keyFile() != null) {
                // an in-memory store needs some password; a random one that lives only as long as this call
                char[] password = randomPassword();
                try {
                    KeyStore keys = KeyStore.getInstance("PKCS12");
                    keys.load(null, null);
                    keys.setKeyEntry("client", privateKey(tls.keyFile()), password,
                            certificates(tls.certFile()).toArray(Certificate[]::new));
                    kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                    kmf.init(keys, password);
                } finally {
                    Arrays.fill(password, '\0');
                }
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), new SecureRandom());
            return HostnameVerifyingContext.wrap(context);
        } catch (GeneralSecurityException | IOException e) {
            throw new P4n4Exception(ErrorCode.USER, "cannot set up TLS to NATS from CA " + tls.caFile()
                    + (tls.certFile() == null ? "" : ", certificate " + tls.certFile() + ", key " + tls.keyFile())
                    + ": " + e.getClass().getSimpleName() + "; check that they are PEM files", e);
        }
    }

    private static List<Certificate> certificates(Path file) throws IOException, GeneralSecurityException {
        Collection<? extends Certificate> certs;
        try (InputStream in = Files.newInputStream(file)) {
            certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new P4n4Exception(ErrorCode.USER, "the NATS TLS file " + file + " does not exist; check the path", e);
        }
        if (certs.isEmpty()) {
            throw new P4n4Exception(ErrorCode.USER, file + " holds no PEM certificate (-----BEGIN CERTIFICATE-----)");
        }
        return List.copyOf(certs);
    }

    private static PrivateKey privateKey(Path file) throws IOException {
        String pem;
        try {
            pem = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new P4n4Exception(ErrorCode.USER, "the NATS TLS key " + file + " does not exist; check the path", e);
        }
        String begin = "-----BEGIN PRIVATE KEY-----";
        int start = pem.indexOf(begin);
        int end = pem.indexOf("-----END PRIVATE KEY-----");
        if (start < 0 || end < start) {
            throw new P4n4Exception(ErrorCode.USER, file + " is not an unencrypted PKCS#8 PEM key (-----BEGIN PRIVATE"
                    + " KEY-----); convert it with: openssl pkcs8 -topk8 -nocrypt -in " + file + " -out key.pem");
        }
        byte[] der = Base64.getMimeDecoder().decode(pem.substring(start + begin.length(), end));
        try {
            for (String algorithm : List.of("RSA", "EC", "Ed25519")) {
                try {
                    return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
                } catch (GeneralSecurityException notThisOne) {
                    // try the next algorithm: PKCS#8 names it, but the JDK has no factory that reads the name
                }
            }
        } finally {
            Arrays.fill(der, (byte) 0);
        }
        throw new P4n4Exception(ErrorCode.USER, file + " holds a PKCS#8 key that is not RSA, EC or Ed25519");
    }

    private static char[] randomPassword() {
        SecureRandom random = new SecureRandom();
        char[] out = new char[24];
        for (int i = 0; i < out.length; i++) {
            out[i] = (char) ('a' + random.nextInt(26));
        }
        return out;
    }
}
