package io.p4n4.core.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import io.p4n4.api.project.StackId;
import io.p4n4.core.P4n4;
import io.p4n4.core.project.InitOptions;
import io.p4n4.testkit.tls.TestCertificates;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A static index over HTTPS: a real TLS server (the JDK's, with a certificate of a test CA made by openssl) serves
 * the index and the tarball; the registry trusts what its {@code HttpClient} trusts, and the sha256 is still checked.
 */
class StaticIndexOverHttpsTest {
    @TempDir
    Path tmp;
    private HttpsServer server;
    private TestCertificates certs;
    private Path project;

    @BeforeEach
    void setUp() throws Exception {
        certs = TestCertificates.create(tmp.resolve("certs"));
        Path site = Files.createDirectories(tmp.resolve("site"));
        Path source = RegistryFixture.write(Files.createDirectories(tmp.resolve("source")), ">=0.1.0");
        Path tarball = RegistryFixture.tarball(source, site.resolve("demo-0.3.0.tar.gz"));
        Files.writeString(site.resolve("index.json"), RegistryFixture.index("2", "\"repo\": \".\", \"subdir\": \"demo\","
                + " \"tarball\": \"demo-0.3.0.tar.gz\", \"sha256\": \"" + RegistryFixture.sha256(tarball) + "\","));
        server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(serverContext()));
        server.createContext("/", RegistryFixture.files(site, new AtomicInteger()));
        server.start();
        project = tmp.resolve("proj");
        P4n4.projects().init(InitOptions.of(project, List.of(StackId.IOT)));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aTemplateIsPulledFromAnHttpsIndexTheClientTrusts() throws Exception {
        TemplateRegistry templates = registry(HttpClient.newBuilder().sslContext(trusting(certs.ca())).build());
        try (PreparedTemplate t = templates.prepare(List.of(index()), "demo")) {
            assertThat(templates.pull(t, project, Map.of(), false).added()).contains(Path.of("README-demo.md"));
        }
        assertThat(project.resolve("README-demo.md")).exists();
    }

    @Test
    void aServerCertificateTheClientDoesNotTrustIsANetworkErrorAndNothingIsWritten() throws Exception {
        TemplateRegistry templates = registry(HttpClient.newBuilder().sslContext(trusting(certs.otherCa())).build());
        assertThatThrownBy(() -> templates.prepare(List.of(index()), "demo"))
                .isInstanceOfSatisfying(P4n4Exception.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NETWORK))
                .hasMessageContaining(index().toString());
        assertThat(project.resolve("README-demo.md")).doesNotExist();
    }

    private URI index() {
        return URI.create("https://127.0.0.1:" + server.getAddress().getPort() + "/index.json");
    }

    private TemplateRegistry registry(HttpClient http) {
        return TemplateRegistry.builder().cacheDirectory(tmp.resolve("cache")).cliVersion("0.2.0").httpClient(http)
                .build();
    }

    private SSLContext serverContext() throws Exception {
        String pem = Files.readString(certs.key("server"));
        byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
        PrivateKey key = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der));
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("server", key, new char[0], new Certificate[] {certificate(certs.cert("server"))});
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, new char[0]);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }

    private static SSLContext trusting(Path ca) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("ca", certificate(ca));
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    private static Certificate certificate(Path pem) throws Exception {
        try (InputStream in = Files.newInputStream(pem)) {
            return CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }
}
