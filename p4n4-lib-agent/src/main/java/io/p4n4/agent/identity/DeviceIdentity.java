package io.p4n4.agent.identity;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import io.p4n4.agent.score.ScoreSigner;
import io.p4n4.agent.score.TrustedKeySet;
import io.p4n4.compose.files.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Set;

/**
 * The Ed25519 key pair a device agent signs its status reports with. Created on the agent's first start as
 * {@code <state_dir>/device-identity.key} (base64 PKCS#8, the form {@code p4n4 score keygen} writes; mode 0600,
 * written atomically) and read again at every later start, so the device keeps its identity across restarts.
 * The public key is derived from the private key's seed as RFC 8032 section 5.1.5 defines it; its id is
 * the one Score signing keys have (first 16 hex digits of SHA-256 over the base64 X.509 form).
 *
 * <p>Immutable and thread-safe. {@link #toString()} shows the key id and the file, never the private key.
 */
public final class DeviceIdentity {

    /** The file name inside the state directory. */
    public static final String FILE_NAME = "device-identity.key";

    private static final Set<PosixFilePermission> GROUP_OR_OTHERS = Set.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE);

    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final Path file;

    private DeviceIdentity(PrivateKey privateKey, PublicKey publicKey, Path file) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
        this.file = file;
    }

    /**
     * Reads the device's identity from the state directory, creating it (and the directory, mode 0700) on
     * first use.
     *
     * @throws P4n4Exception (USER) when the key file cannot be read, is not an Ed25519 private key, or can be
     *     read by others than its owner; the message names the file and what to do
     */
    public static DeviceIdentity loadOrCreate(Path stateDirectory) {
        Path file = stateDirectory.resolve(FILE_NAME);
        try {
            if (!Files.isDirectory(stateDirectory)) {
                Files.createDirectories(stateDirectory,
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            if (!Files.exists(file)) {
                KeyPair pair = ScoreSigner.generateKeyPair();
                AtomicFiles.write(file, (ScoreSigner.encodePrivateKey(pair.getPrivate()) + "\n")
                        .getBytes(StandardCharsets.UTF_8), AtomicFiles.OWNER_ONLY);
            }
            requireOwnerOnly(file);
            return read(file);
        } catch (IOException e) {
            throw new P4n4Exception(ErrorCode.USER, "the device identity " + file + " cannot be read or created ("
                    + e.getMessage() + "); check the state directory's owner and permissions", e);
        }
    }

    private static void requireOwnerOnly(Path file) throws IOException {
        if (!file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        Set<PosixFilePermission> mode = Files.getPosixFilePermissions(file);
        if (mode.stream().anyMatch(GROUP_OR_OTHERS::contains)) {
            throw new P4n4Exception(ErrorCode.USER, "the device identity " + file + " can be read or written by"
                    + " others (mode " + PosixFilePermissions.toString(mode) + "); its private key must stay"
                    + " private: chmod 600 " + file);
        }
    }

    private static DeviceIdentity read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.US_ASCII);
        try {
            PrivateKey key = KeyFactory.getInstance("Ed25519")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getMimeDecoder().decode(text.trim())));
            return new DeviceIdentity(key, TrustedKeySet.publicKeyOf(key), file);
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            throw new P4n4Exception(ErrorCode.USER, "the device identity " + file + " is not a base64 PKCS#8"
                    + " Ed25519 private key; restore it from a backup, or delete it to give the device a new"
                    + " identity (then update every place that pins the old device key)", e);
        }
    }

    /** Returns the public key. */
    public PublicKey publicKey() {
        return publicKey;
    }

    /** Returns the public key as base64 X.509 ({@code MCowBQYDK2VwAyEA...}), the form status reports carry. */
    public String publicKeyBase64() {
        return TrustedKeySet.encode(publicKey);
    }

    /** Returns the key's short id (16 hex digits). */
    public String keyId() {
        return TrustedKeySet.keyId(publicKey);
    }

    /** Returns the file the private key is kept in. */
    public Path file() {
        return file;
    }

    /** Signs {@code bytes} with Ed25519 (RFC 8032, pure). */
    byte[] sign(byte[] bytes) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(privateKey);
            signature.update(bytes);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new P4n4Exception(ErrorCode.GENERAL, "signing with the device identity " + file + " failed: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "DeviceIdentity[keyId=" + keyId() + ", file=" + file + "]";
    }
}
