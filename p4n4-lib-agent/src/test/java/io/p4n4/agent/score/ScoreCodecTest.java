package io.p4n4.agent.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.score.InvalidScoreException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScoreCodecTest {

    private final ScoreCodec strict = ScoreCodec.strict(ScoreTypeRegistry.defaults());
    private final ScoreCodec lenient = ScoreCodec.lenient(ScoreTypeRegistry.defaults());

    @Test
    void encodesAdjacentlyTaggedWithTypeFirstAndSortedFields() {
        PodmanV0Score score = PodmanV0Score.of(PodmanService.of("hello", "docker.io/library/nginx:alpine")
                .withPorts("8080:80").withEnv(Map.of("Z", "1", "A", "2")));

        assertThat(strict.encode(score)).isEqualTo("{\"type\":\"PodmanV0\",\"data\":{\"services\":[{"
                + "\"command\":[],\"env\":{\"A\":\"2\",\"Z\":\"1\"},\"image\":\"docker.io/library/nginx:alpine\","
                + "\"name\":\"hello\",\"ports\":[\"8080:80\"],\"volumes\":[]}]}}");
    }

    @Test
    void differentlyFormattedEqualDocumentsHaveTheSameCanonicalStringAndHash() {
        String a = "{\"type\":\"PodmanV0\",\"data\":{\"services\":[{\"name\":\"hello\",\"image\":\"nginx\","
                + "\"env\":{\"B\":\"2\",\"A\":\"1\"}}]}}";
        String b = "{ \"data\": { \"services\": [ { \"env\": {\"A\":\"1\",\"B\":\"2\"},\n \"image\": \"nginx\","
                + " \"name\": \"hello\", \"ports\": [] } ] }, \"type\": \"PodmanV0\" }";

        DecodedScore da = strict.decode(a);
        DecodedScore db = strict.decode(b);
        assertThat(da.canonical()).isEqualTo(db.canonical());
        assertThat(da.hash()).isEqualTo(db.hash()).hasSize(64);
        assertThat(strict.decode(da.canonical()).canonical()).isEqualTo(da.canonical());
    }

    @Test
    void changingTheImageChangesTheCanonicalString() {
        String v1 = strict.encode(PodmanV0Score.of(PodmanService.of("web", "nginx:1")));
        String v2 = strict.encode(PodmanV0Score.of(PodmanService.of("web", "nginx:2")));
        assertThat(v1).isNotEqualTo(v2);
    }

    @Test
    void unknownTypeIsAValidationErrorNamingKnownTypes() {
        assertThatThrownBy(() -> lenient.decode("{\"type\":\"OkdApplyV0\",\"data\":{}}"))
                .isInstanceOfSatisfying(InvalidScoreException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION);
                    assertThat(e.scoreType()).isEqualTo("OkdApplyV0");
                })
                .hasMessageContaining("unknown Score type 'OkdApplyV0'")
                .hasMessageContaining("PodmanV0");
    }

    @Test
    void invalidShapeNamesTheFieldAtFault() {
        String badPort = "{\"type\":\"PodmanV0\",\"data\":{\"services\":[{\"name\":\"web\",\"image\":\"nginx\","
                + "\"ports\":[\"eighty\"]}]}}";
        assertThatThrownBy(() -> strict.decode(badPort)).isInstanceOf(InvalidScoreException.class)
                .hasMessageContaining("data.services[0]").hasMessageContaining("'eighty'");
    }

    @Test
    void emptyServicesAndDuplicateNamesAreRefused() {
        assertThatThrownBy(() -> strict.decode("{\"type\":\"PodmanV0\",\"data\":{\"services\":[]}}"))
                .isInstanceOf(InvalidScoreException.class).hasMessageContaining("at least one service");
        String dup = "{\"type\":\"PodmanV0\",\"data\":{\"services\":[{\"name\":\"a\",\"image\":\"x\"},"
                + "{\"name\":\"a\",\"image\":\"y\"}]}}";
        assertThatThrownBy(() -> strict.decode(dup)).isInstanceOf(InvalidScoreException.class)
                .hasMessageContaining("used twice");
    }

    @Test
    void strictRefusesUnknownFieldsButLenientIgnoresThem() {
        String typo = "{\"type\":\"PodmanV0\",\"data\":{\"services\":[{\"name\":\"a\",\"image\":\"x\","
                + "\"imgae\":\"y\"}]}}";
        assertThatThrownBy(() -> strict.decode(typo)).isInstanceOf(InvalidScoreException.class)
                .hasMessageContaining("imgae");
        assertThat(lenient.decode(typo).canonical()).doesNotContain("imgae");
    }

    @Test
    void notJsonAndMissingTypeAreValidationErrors() {
        assertThatThrownBy(() -> lenient.decode("{nope")).isInstanceOf(InvalidScoreException.class)
                .hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> lenient.decode("{\"data\":{}}")).isInstanceOf(InvalidScoreException.class)
                .hasMessageContaining("no \"type\"");
        assertThatThrownBy(() -> lenient.decode("[1]")).isInstanceOf(InvalidScoreException.class)
                .hasMessageContaining("JSON object");
    }
}
