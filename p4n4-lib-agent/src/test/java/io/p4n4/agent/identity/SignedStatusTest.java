package io.p4n4.agent.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.p4n4.agent.identity.StatusVerification.Verdict;
import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SignedStatusTest {

    private static final String STATUS = "{\"deviceId\":\"pi-1\",\"state\":\"ACTIVE\",\"deployments\":{\"web\":"
            + "{\"deployment\":\"web\",\"state\":\"RUNNING\",\"scoreHash\":\"ab\",\"revision\":3}},"
            + "\"timestamp\":\"2026-12-03T18:00:00Z\"}";

    @TempDir
    Path dir;
    private DeviceIdentity identity;
    private String signed;

    @BeforeEach
    void sign() {
        identity = DeviceIdentity.loadOrCreate(dir);
        signed = SignedStatus.sign(STATUS, identity);
    }

    @Test
    void aSignedStatusVerifiesAndNamesTheDeviceKey() {
        StatusVerification check = StatusVerification.verify(signed, "pi-1", null);

        assertThat(check.verdict()).isEqualTo(Verdict.VERIFIED);
        assertThat(check.keyId()).isEqualTo(identity.keyId());
        assertThat(check.publicKey()).isEqualTo(identity.publicKeyBase64());
        assertThat(signed).contains("\"devicePublicKey\":\"" + identity.publicKeyBase64() + "\"");
    }

    @Test
    void theSignatureCoversTheJcsFormSoReformattingKeepsItValid() throws Exception {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        String pretty = mapper.writeValueAsString(mapper.readTree(signed));

        assertThat(pretty).contains("\n  ");
        assertThat(StatusVerification.verify(pretty, "pi-1", null).verdict()).isEqualTo(Verdict.VERIFIED);
    }

    @Test
    void aTamperedStatusHasABadSignature() {
        String tampered = signed.replace("\"RUNNING\"", "\"FAILED\"");

        StatusVerification check = StatusVerification.verify(tampered, "pi-1", null);

        assertThat(tampered).isNotEqualTo(signed);
        assertThat(check.verdict()).isEqualTo(Verdict.BAD_SIGNATURE);
        assertThat(check.detail()).contains("does not match the status (modified after it was signed?)");
    }

    @Test
    void aStatusResignedWithAnotherKeyIsBadOnlyAgainstThePinnedKey() throws Exception {
        DeviceIdentity intruder = DeviceIdentity.loadOrCreate(dir.resolve("intruder"));
        String forged = SignedStatus.sign(signed.replace("\"RUNNING\"", "\"FAILED\""), intruder);

        assertThat(StatusVerification.verify(forged, "pi-1", null).verdict()).isEqualTo(Verdict.VERIFIED);
        StatusVerification pinned = StatusVerification.verify(forged, "pi-1", identity.publicKeyBase64());
        assertThat(pinned.verdict()).isEqualTo(Verdict.BAD_SIGNATURE);
        assertThat(pinned.detail()).contains("signed by device key " + intruder.keyId() + ", not the expected key");
        assertThat(StatusVerification.verify(forged, "pi-1", identity.keyId()).verdict())
                .isEqualTo(Verdict.BAD_SIGNATURE);
        assertThat(StatusVerification.verify(signed, "pi-1", identity.keyId()).verdict()).isEqualTo(Verdict.VERIFIED);
        assertThat(StatusVerification.verify(signed, "pi-1", identity.publicKeyBase64()).verdict())
                .isEqualTo(Verdict.VERIFIED);
    }

    @Test
    void aStatusCopiedToAnotherDevicesKeyIsBad() {
        StatusVerification check = StatusVerification.verify(signed, "pi-2", null);

        assertThat(check.verdict()).isEqualTo(Verdict.BAD_SIGNATURE);
        assertThat(check.detail()).contains("signed by device pi-1 but is stored as the status of pi-2");
    }

    @Test
    void aSignatureByAnotherKeyThanTheOneNamedIsBad() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode doc = (ObjectNode) mapper.readTree(signed);
        doc.put("devicePublicKey", DeviceIdentity.loadOrCreate(dir.resolve("other")).publicKeyBase64());

        assertThat(StatusVerification.verify(mapper.writeValueAsString(doc), "pi-1", null).verdict())
                .isEqualTo(Verdict.BAD_SIGNATURE);
    }

    @Test
    void anUnsignedStatusIsReportedAsSuch() {
        StatusVerification check = StatusVerification.verify(STATUS, "pi-1", null);

        assertThat(check.verdict()).isEqualTo(Verdict.UNSIGNED);
        assertThat(check.verdict().label()).isEqualTo("unsigned");
        assertThat(Verdict.BAD_SIGNATURE.label()).isEqualTo("BAD SIGNATURE");
    }

    @Test
    void aMalformedPinnedKeyIsTheCallersError() {
        assertThatThrownBy(() -> StatusVerification.verify(signed, "pi-1", "not-a-key"))
                .isInstanceOfSatisfying(P4n4Exception.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION))
                .hasMessageContaining("'not-a-key' is neither a base64 X.509 Ed25519 public key");
    }
}
