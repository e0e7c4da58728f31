package io.p4n4.compose.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.p4n4.api.InvalidFileException;
import io.p4n4.compose.interpolation.ConformanceCorpus;
import io.p4n4.compose.interpolation.Interpolation;
import io.p4n4.compose.interpolation.InterpolationException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Generated inputs (random .env statements and templates) with the outcome compose-go's own
 * {@code dotenv.ParseWithLookup} and {@code template.Substitute} produced for them at commit
 * e70e961c (the commit of the shared conformance corpus). Errors are compared by kind, since our
 * messages add location and hints and never quote values.
 */
class ComposeGoDifferentialTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void dotEnvAgreesWithComposeGoOnGeneratedInputs() throws IOException {
        int checked = 0;
        for (JsonNode c : cases("dotenv")) {
            String input = c.get("input").asText();
            Map<String, String> lookupMap = ConformanceCorpus.stringMap(c.get("lookup"));
            Function<String, String> lookup = lookupMap == null ? null : lookupMap::get;
            String description = "input " + JSON.writeValueAsString(input) + " lookup " + lookupMap;
            if (c.hasNonNull("expected")) {
                assertThat(DotEnv.parse(input, null, lookup)).as(description)
                        .isEqualTo(ConformanceCorpus.stringMap(c.get("expected")));
            } else {
                String goError = c.get("error").asText();
                assertThatThrownBy(() -> DotEnv.parse(input, null, lookup)).as(description)
                        .isInstanceOfSatisfying(InvalidFileException.class,
                                e -> assertThat(e.getMessage()).as(description).contains(ourWording(goError)));
            }
            checked++;
        }
        assertThat(checked).isGreaterThan(1000);
    }

    @Test
    void interpolationAgreesWithComposeGoOnGeneratedInputs() throws IOException {
        int checked = 0;
        for (JsonNode c : cases("interp")) {
            String input = c.get("input").asText();
            Map<String, String> env = Objects.requireNonNull(ConformanceCorpus.stringMap(c.get("lookup")));
            String description = "template " + JSON.writeValueAsString(input) + " env " + env;
            List<String> unset = new ArrayList<>();
            if (c.hasNonNull("result")) {
                assertThat(Interpolation.interpolate(input, env::get, null, unset::add)).as(description)
                        .isEqualTo(c.get("result").asText());
                assertThat(unset).as(description).hasSize(c.get("warnings").asInt());
            } else {
                assertThatThrownBy(() -> Interpolation.interpolate(input, env::get)).as(description)
                        .isInstanceOfSatisfying(InterpolationException.class,
                                e -> assertThat(e.getMessage()).as(description).startsWith(c.get("error").asText()));
            }
            checked++;
        }
        assertThat(checked).isGreaterThan(1000);
    }

    /** The part of our message that corresponds to compose-go's error. */
    private static String ourWording(String goError) {
        String problem = goError.replaceFirst("^line \\d+: ", "");
        if (problem.startsWith("unexpected character")) {
            return problem.substring(0, problem.indexOf(" in variable name"));
        }
        if (problem.startsWith("unterminated quoted value")) {
            return "unterminated quoted value";
        }
        if (problem.startsWith("Invalid template")) {
            return "invalid ${...} reference";
        }
        if (problem.equals("zero length string")) {
            return "'export' must be followed by KEY=value";
        }
        return problem;
    }

    private static List<JsonNode> cases(String kind) throws IOException {
        List<JsonNode> result = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
                ComposeGoDifferentialTest.class.getResourceAsStream("compose-go-differential.jsonl")),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                JsonNode node = JSON.readTree(line);
                if (node.get("kind").asText().equals(kind)) {
                    result.add(node);
                }
            }
        }
        return result;
    }
}
