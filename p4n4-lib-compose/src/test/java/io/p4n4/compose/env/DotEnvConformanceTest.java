package io.p4n4.compose.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.p4n4.api.ErrorCode;
import io.p4n4.api.InvalidFileException;
import io.p4n4.compose.interpolation.ConformanceCorpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/** Every case of conformance/dotenv/expectations.json, checked against compose-go's results. */
class DotEnvConformanceTest {
    @TempDir
    Path temp;

    @TestFactory
    Stream<DynamicTest> inlineCasesMatchComposeGo() throws IOException {
        JsonNode cases = ConformanceCorpus.json("dotenv/expectations.json").get("cases");
        assertThat(cases.size()).isGreaterThan(100);
        return elements(cases).map(c -> DynamicTest.dynamicTest(c.get("id").asText() + " " + c.get("description").asText(),
                () -> check(c, () -> DotEnv.parse(c.get("input").asText(), null, lookup(c.get("lookup"))))));
    }

    @TestFactory
    Stream<DynamicTest> fixtureFilesMatchComposeGo() throws IOException {
        JsonNode cases = ConformanceCorpus.json("dotenv/expectations.json").get("fixture_cases");
        Path dir = ConformanceCorpus.file("dotenv/expectations.json").getParent();
        assertThat(cases.size()).isGreaterThanOrEqualTo(17);
        return elements(cases).map(c -> DynamicTest.dynamicTest(c.get("id").asText(), () -> {
            Path file = dir.resolve(c.get("file").asText());
            check(c, () -> DotEnv.read(file, lookup(c.get("lookup"))));
            if (c.has("error")) {
                assertThatThrownBy(() -> DotEnv.read(file, lookup(c.get("lookup"))))
                        .isInstanceOfSatisfying(InvalidFileException.class,
                                e -> assertThat(e.file()).contains(file));
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> multiFileCasesMatchComposeGo() throws IOException {
        JsonNode cases = ConformanceCorpus.json("dotenv/expectations.json").get("multi_file_cases");
        assertThat(cases.size()).isGreaterThanOrEqualTo(4);
        return elements(cases).map(c -> DynamicTest.dynamicTest(c.get("id").asText(), () -> {
            Path dir = Files.createDirectories(temp.resolve(c.get("id").asText()));
            List<Path> files = new ArrayList<>();
            for (JsonNode f : c.get("files")) {
                files.add(Files.writeString(dir.resolve(f.get("name").asText()), f.get("content").asText()));
            }
            Map<String, String> environment = ConformanceCorpus.stringMap(c.get("environment"));
            Map<String, String> result = DotEnv.readAll(files, environment::get);
            assertThat(result).containsExactlyInAnyOrderEntriesOf(ConformanceCorpus.stringMap(c.get("expected")));
            if (c.has("expected_project_environment")) {
                assertThat(DotEnv.projectEnvironment(files, environment))
                        .isEqualTo(ConformanceCorpus.stringMap(c.get("expected_project_environment")));
            }
        }));
    }

    private interface Parse {
        Map<String, String> run();
    }

    private static void check(JsonNode c, Parse parse) {
        if (c.has("expected")) {
            Map<String, String> result = parse.run();
            assertThat(result).containsExactlyInAnyOrderEntriesOf(ConformanceCorpus.stringMap(c.get("expected")));
            assertThatThrownBy(() -> result.put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
            return;
        }
        assertThatThrownBy(parse::run).isInstanceOfSatisfying(InvalidFileException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION);
            assertThat(e.getMessage()).contains(c.get("error").asText());
            assertThat(e.line()).isPositive();
        });
    }

    private static Function<String, String> lookup(JsonNode node) {
        Map<String, String> map = ConformanceCorpus.stringMap(node);
        return map == null ? null : map::get;
    }

    private static Stream<JsonNode> elements(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false);
    }
}
