package io.p4n4.agent.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.Signature;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeviceIdentityTest {

    @TempDir
    Path dir;

    @Test
    void isCreatedOnFirstStartOwnerOnlyInAnOwnerOnlyDirectory() throws Exception {
        Path state = dir.resolve("state");

        DeviceIdentity identity = DeviceIdentity.loadOrCreate(state);

        assertThat(identity.file()).isEqualTo(state.resolve("device-identity.key"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(identity.file()))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(state))).isEqualTo("rwx------");
        assertThat(identity.publicKeyBase64()).startsWith("MCowBQYDK2VwAyEA");
        assertThat(identity.keyId()).matches("[0-9a-f]{16}");
    }

    @Test
    void survivesARestartUnchanged() throws Exception {
        DeviceIdentity first = DeviceIdentity.loadOrCreate(dir);
        String stored = Files.readString(first.file());

        DeviceIdentity again = DeviceIdentity.loadOrCreate(dir);

        assertThat(again.publicKeyBase64()).isEqualTo(first.publicKeyBase64());
        assertThat(again.keyId()).isEqualTo(first.keyId());
        assertThat(Files.readString(again.file())).isEqualTo(stored);
    }

    @Test
    void thePublicKeyIsDerivedFromTheSeedAsRfc8032Says() throws Exception {
        // RFC 8032 section 7.1 TEST 1 as PKCS#8 (RFC 8410): a fixed 16-byte prefix, then the 32-byte seed
        byte[] pkcs8 = HexFormat.of().parseHex("302e020100300506032b657004220420"
                + "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
        Files.writeString(dir.resolve(DeviceIdentity.FILE_NAME), Base64.getEncoder().encodeToString(pkcs8));
        Files.setPosixFilePermissions(dir.resolve(DeviceIdentity.FILE_NAME), PosixFilePermissions.fromString("rw-------"));

        DeviceIdentity identity = DeviceIdentity.loadOrCreate(dir);

        assertThat(identity.publicKeyBase64()).isEqualTo("MCowBQYDK2VwAyEA11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=");
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(identity.publicKey());
        byte[] message = "status".getBytes(StandardCharsets.UTF_8);
        verifier.update(message);
        assertThat(verifier.verify(identity.sign(message))).isTrue();
    }

    @Test
    void aKeyFileOthersCanReadIsRefusedNamingTheFix() throws Exception {
        DeviceIdentity identity = DeviceIdentity.loadOrCreate(dir);
        Files.setPosixFilePermissions(identity.file(), PosixFilePermissions.fromString("rw-r--r--"));

        assertThatThrownBy(() -> DeviceIdentity.loadOrCreate(dir))
                .isInstanceOfSatisfying(P4n4Exception.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.USER))
                .hasMessageContaining(identity.file().toString()).hasMessageContaining("rw-r--r--")
                .hasMessageContaining("chmod 600");
    }

    @Test
    void anUnreadableKeyFileIsRefusedNotReplaced() throws Exception {
        Path file = dir.resolve(DeviceIdentity.FILE_NAME);
        Files.writeString(file, "not a key");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));

        assertThatThrownBy(() -> DeviceIdentity.loadOrCreate(dir))
                .isInstanceOfSatisfying(P4n4Exception.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.USER))
                .hasMessageContaining("is not a base64 PKCS#8 Ed25519 private key");
        assertThat(Files.readString(file)).isEqualTo("not a key");
    }

    @Test
    void toStringShowsTheKeyIdNotThePrivateKey() throws Exception {
        DeviceIdentity identity = DeviceIdentity.loadOrCreate(dir);
        String privateKey = Files.readString(identity.file()).trim();

        assertThat(identity.toString()).contains(identity.keyId()).doesNotContain(privateKey)
                .doesNotContain(privateKey.substring(20, 40));
    }
}
