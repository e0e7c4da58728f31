package io.p4n4.compose.exec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every service key of the bundled compose schema is in exactly one group of {@link ServiceKeys}. */
class ServiceKeysSchemaTest {
    private static JsonNode schema;

    @BeforeAll
    static void readSchema() throws IOException {
        try (InputStream in = ServiceKeysSchemaTest.class.getResourceAsStream("/io/p4n4/compose/compose-spec.json")) {
            schema = new ObjectMapper().readTree(in);
        }
    }

    @Test
    void everySchemaKeyIsInExactlyOneGroup() {
        List<String> schemaKeys = new ArrayList<>();
        walk(schema.path("definitions").path("service"), "", schemaKeys);
        Map<String, Long> classified = ServiceKeys.all().stream()
                .collect(Collectors.groupingBy(ServiceKey::path, Collectors.counting()));

        assertThat(schemaKeys).as("the walk reaches the service keys and the keys below deploy and healthcheck")
                .contains("cap_add", "deploy.placement", "deploy.resources.limits.memory", "healthcheck.test");
        assertThat(schemaKeys).as("schema keys in no group").allSatisfy(k -> assertThat(classified).containsKey(k));
        assertThat(classified).as("keys in two groups").allSatisfy((k, n) -> assertThat(n).as(k).isEqualTo(1L));
        assertThat(classified.keySet()).as("classified keys the schema does not have")
                .containsExactlyInAnyOrderElementsOf(schemaKeys);
    }

    @Test
    void parentsAreObjectsOfTheSchemaAndNeverClassifiedWhole() {
        List<String> schemaKeys = new ArrayList<>();
        walk(schema.path("definitions").path("service"), "", schemaKeys);

        for (String parent : ServiceKeys.PARENTS) {
            assertThat(schemaKeys).as(parent).anyMatch(k -> k.startsWith(parent + "."));
            assertThat(ServiceKeys.find(parent)).as(parent).isEmpty();
        }
    }

    @Test
    void refusedAndIgnoredKeysSayWhy() {
        Map<String, ServiceKey> byPath = ServiceKeys.all().stream()
                .collect(Collectors.toMap(ServiceKey::path, Function.identity()));

        assertThat(byPath.get("tty").group()).isEqualTo(KeyGroup.REFUSED);
        assertThat(byPath.get("deploy.placement").group()).isEqualTo(KeyGroup.IGNORED);
        assertThat(byPath.get("deploy.resources.reservations.cpus").group()).isEqualTo(KeyGroup.IGNORED);
        assertThat(byPath.get("deploy.resources.reservations.devices").group()).isEqualTo(KeyGroup.REFUSED);
        assertThat(byPath.get("pull_policy").group()).isEqualTo(KeyGroup.APPLIED);
        assertThat(ServiceKeys.all()).allSatisfy(k -> assertThat(k.note()).as(k.path()).hasSizeGreaterThan(5));
        assertThat(ServiceKeys.all()).filteredOn(k -> k.group() == KeyGroup.REFUSED)
                .allSatisfy(k -> assertThat(k.note()).as(k.path() + " says what to do")
                        .containsAnyOf("use ", "remove ", "put ", "pass ", "do ", "mount ", "run ", "handle ",
                                "bind-mount ", "give "));
    }

    /** Collects the dotted keys below {@code node}, descending into {@link ServiceKeys#PARENTS}. */
    private static void walk(JsonNode node, String prefix, List<String> out) {
        JsonNode properties = resolve(node).path("properties");
        for (Iterator<String> it = properties.fieldNames(); it.hasNext(); ) {
            String key = prefix + it.next();
            if (ServiceKeys.PARENTS.contains(key)) {
                walk(properties.get(key.substring(prefix.length())), key + ".", out);
            } else {
                out.add(key);
            }
        }
    }

    private static JsonNode resolve(JsonNode node) {
        JsonNode ref = node.get("$ref");
        if (ref == null) {
            return node;
        }
        JsonNode target = schema;
        for (String part : ref.asText().substring(2).split("/")) {
            target = target.path(part);
        }
        return resolve(target);
    }
}
