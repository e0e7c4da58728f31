package io.p4n4.testkit.tls;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * PEM files made with the openssl CLI in a directory of the caller's: a test CA ({@code ca.pem}), a server
 * certificate for 127.0.0.1 ({@code server.pem}/{@code server.key}), one for another host, elsewhere.example
 * ({@code elsewhere.pem}/{@code elsewhere.key}), a client certificate ({@code client.pem}/{@code client.key}),
 * all signed by the CA, and an unrelated CA ({@code other-ca.pem}). EC P-256 keys, unencrypted PKCS#8, valid
 * two days.
 *
 * @param dir the directory holding the files
 */
public record TestCertificates(Path dir) {

    /** Makes the certificates in {@code dir} (created when missing); IOException when openssl fails. */
    public static TestCertificates create(Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        String ec = "ec:" + dir.resolve("ec.param");
        openssl(dir, "ecparam", "-name", "prime256v1", "-out", "ec.param");
        openssl(dir, "req", "-x509", "-newkey", ec, "-nodes", "-keyout", "ca.key", "-out", "ca.pem", "-days", "2",
                "-subj", "/CN=p4n4 test CA");
        openssl(dir, "req", "-x509", "-newkey", ec, "-nodes", "-keyout", "other-ca.key", "-out", "other-ca.pem",
                "-days", "2", "-subj", "/CN=p4n4 other CA");
        Files.writeString(dir.resolve("server.ext"), "subjectAltName=IP:127.0.0.1\n");
        Files.writeString(dir.resolve("elsewhere.ext"), "subjectAltName=DNS:elsewhere.example\n");
        Files.writeString(dir.resolve("client.ext"), "extendedKeyUsage=clientAuth\n");
        for (String name : List.of("server", "elsewhere", "client")) {
            openssl(dir, "req", "-newkey", ec, "-nodes", "-keyout", name + ".key", "-out", name + ".csr", "-subj",
                    "/CN=p4n4 test " + name);
            openssl(dir, "x509", "-req", "-in", name + ".csr", "-CA", "ca.pem", "-CAkey", "ca.key",
                    "-CAcreateserial", "-out", name + ".pem", "-days", "2", "-extfile", name + ".ext");
        }
        if (!Files.readString(dir.resolve("client.key")).startsWith("-----BEGIN PRIVATE KEY-----")) {
            throw new IOException("openssl wrote no unencrypted PKCS#8 key; see " + dir.resolve("openssl.log"));
        }
        return new TestCertificates(dir);
    }

    /** Returns the CA certificate that signed the others. */
    public Path ca() {
        return dir.resolve("ca.pem");
    }

    /** Returns a CA that signed none of them. */
    public Path otherCa() {
        return dir.resolve("other-ca.pem");
    }

    /** Returns the certificate of {@code name}: {@code server}, {@code elsewhere} or {@code client}. */
    public Path cert(String name) {
        return dir.resolve(name + ".pem");
    }

    /** Returns the private key of {@code name}: {@code server}, {@code elsewhere} or {@code client}. */
    public Path key(String name) {
        return dir.resolve(name + ".key");
    }

    private static void openssl(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("openssl.log").toFile())).start();
        if (p.waitFor() != 0) {
            throw new IOException("openssl " + String.join(" ", args) + " failed; see " + dir.resolve("openssl.log"));
        }
    }
}
