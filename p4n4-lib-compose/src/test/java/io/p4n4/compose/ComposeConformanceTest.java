package io.p4n4.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import io.p4n4.api.P4n4Exception;
import io.p4n4.compose.ComposeCorpus.Scenario;
import io.p4n4.compose.internal.SchemaValidation;
import io.p4n4.compose.internal.YamlReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every scenario of {@code conformance/compose} (facts per file and test-inputs.json): load the
 * project as the scenario says, then check each fact by JSON pointer on the canonical model.
 */
class ComposeConformanceTest {

    @TestFactory
    Stream<DynamicTest> everyCorpusScenarioHolds() {
        Path corpus = ComposeCorpus.compose();
        return ComposeCorpus.scenarios().stream()
                .map(s -> DynamicTest.dynamicTest(s.toString(), () -> run(s, corpus)));
    }

    private static void run(Scenario scenario, Path corpus) {
        JsonNode s = scenario.node();
        JsonNode load = s.get("load");
        assumeFalse("windows".equals(load.path("platform").asText()),
                "Windows-only scenario (drive-letter path conversion); not applicable on this platform");
        if (load.has("validate_only")) {
            // both schema variants accept the file; p4n4 bundles the compose-spec (draft-07) one
            Path file = corpus.resolve(load.get("validate_only").asText());
            SchemaValidation.validate(YamlReader.read(file, file.getParent()));
            return;
        }
        LoadOptions options = ComposeCorpus.options(load, corpus);
        if (s.has("expect_error") || s.has("expect_error_exact")) {
            var thrown = assertThatThrownBy(() -> ComposeLoader.load(options)).isInstanceOf(P4n4Exception.class);
            if (s.has("expect_error_exact")) {
                thrown.hasMessage(s.get("expect_error_exact").asText());
            } else {
                thrown.hasMessageContaining(s.get("expect_error").asText());
            }
            return;
        }
        ComposeProject project = ComposeLoader.load(options);
        JsonNode model = ComposeSerializer.toJsonTree(project);
        String workingDir = project.workingDirectory().toString();
        for (JsonNode fact : s.path("expect")) {
            if (fact.has("project_compose_files")) {
                List<String> expected = new ArrayList<>();
                fact.get("project_compose_files").forEach(f -> expected.add(placeholders(f.asText(), workingDir, corpus)));
                assertThat(project.composeFiles()).map(Path::toString).containsExactlyElementsOf(expected);
                continue;
            }
            String pointer = fact.get("pointer").asText();
            JsonNode actual = model.at(pointer);
            String where = scenario + " " + pointer + " in " + model;
            if (fact.has("equals")) {
                JsonNode expected = substitute(fact.get("equals"), workingDir, corpus);
                assertThat(actual.equals(NUMERIC, expected)).as(where + " equals " + expected + " (was " + actual + ")")
                        .isTrue();
            } else if (fact.path("absent").asBoolean(false)) {
                assertThat(actual.isMissingNode() || actual.isNull()).as(where + " is absent").isTrue();
            } else if (fact.has("length")) {
                assertThat(actual.size()).as(where + " length").isEqualTo(fact.get("length").asInt());
                assertThat(actual.isContainerNode()).as(where + " is a list or object").isTrue();
            } else if (fact.has("only_keys")) {
                List<String> allowed = new ArrayList<>();
                fact.get("only_keys").forEach(k -> allowed.add(k.asText()));
                List<String> set = new ArrayList<>();
                actual.properties().forEach(e -> {
                    JsonNode v = e.getValue();
                    if (!v.isNull() && !(v.isContainerNode() && v.isEmpty())) {
                        set.add(e.getKey());
                    }
                });
                assertThat(actual.isObject()).as(where + " is an object").isTrue();
                assertThat(allowed).as(where + " only sets " + allowed).containsAll(set);
            } else {
                throw new AssertionError("unknown fact kind: " + fact);
            }
        }
    }

    /** Numbers compare by value (the corpus writes 8080, the model holds a long). */
    private static final Comparator<JsonNode> NUMERIC = (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.equals(b) ? 0 : 1;
    };

    private static JsonNode substitute(JsonNode expected, String workingDir, Path corpus) {
        String text = expected.toString();
        return readTree(placeholders(text, workingDir, corpus));
    }

    private static String placeholders(String text, String workingDir, Path corpus) {
        return text.replace("{working_dir}", workingDir).replace("{corpus}", corpus.toString());
    }

    private static JsonNode readTree(String json) {
        try {
            return ComposeCorpus.JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
