package io.p4n4.compose.interpolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.p4n4.api.ErrorCode;
import io.p4n4.compose.interpolation.InterpolationException.Kind;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every case of conformance/interpolation/cases.json, checked against compose-go's results. */
class InterpolationConformanceTest {

    @TestFactory
    Stream<DynamicTest> casesMatchComposeGo() throws IOException {
        JsonNode cases = ConformanceCorpus.json("interpolation/cases.json").get("cases");
        assertThat(cases.size()).isGreaterThan(100);
        return StreamSupport.stream(cases.spliterator(), false)
                .map(c -> DynamicTest.dynamicTest(c.get("id").asText() + " " + c.get("template").asText(),
                        () -> check(c)));
    }

    private static void check(JsonNode c) {
        String template = c.get("template").asText();
        Map<String, String> env = ConformanceCorpus.stringMap(c.get("env"));
        String path = c.hasNonNull("path") ? c.get("path").asText() : null;
        List<String> unset = new ArrayList<>();
        if (c.has("expected")) {
            String result = Interpolation.interpolate(template, env::get, path, unset::add);
            assertThat(result).isEqualTo(c.get("expected").asText());
            if (c.has("unset_variable_warnings")) {
                assertThat(unset).hasSize(c.get("unset_variable_warnings").asInt());
            }
            return;
        }
        Kind kind = "missing_required".equals(c.get("error_kind").asText())
                ? Kind.MISSING_REQUIRED : Kind.INVALID_TEMPLATE;
        assertThatThrownBy(() -> Interpolation.interpolate(template, env::get, path, unset::add))
                .isInstanceOfSatisfying(InterpolationException.class, e -> {
                    assertThat(e.kind()).isEqualTo(kind);
                    assertThat(e.code()).isEqualTo(kind == Kind.MISSING_REQUIRED
                            ? ErrorCode.VALIDATION : ErrorCode.ENGINE);
                    assertThat(e.getMessage()).contains(c.get("error").asText());
                    if (path == null) {
                        assertThat(e.getMessage()).startsWith(c.get("error_message").asText());
                    } else {
                        assertThat(e.path()).contains(path);
                    }
                });
    }
}
