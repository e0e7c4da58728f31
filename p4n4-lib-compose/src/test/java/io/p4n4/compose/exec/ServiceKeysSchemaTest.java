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

        assertThat(schemaKeys).as("the walk reaches the service keys, the keys below deploy and healthcheck and"
                + " the keys of entries").contains("cap_add", "deploy.placement", "deploy.resources.limits.memory",
                "healthcheck.test", "volumes[].bind.selinux", "networks.*.ipv4_address", "build.cache_from",
                "ulimits.*.soft", "env_file[].format", "logging.options");
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
        for (String entries : ServiceKeys.ENTRIES) {
            assertThat(schemaKeys).as(entries).anyMatch(k -> k.startsWith(entries + "."));
            assertThat(ServiceKeys.find(entries.replaceAll("(\\[]|\\.\\*)$", ""))).as(entries + " as a whole")
                    .isPresent();
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

    /**
     * Collects the dotted keys below {@code node}, descending into {@link ServiceKeys#PARENTS} and into the
     * entries of {@link ServiceKeys#ENTRIES}: list items ({@code []}), mapping values ({@code *}), objects.
     */
    private static void walk(JsonNode node, String prefix, List<String> out) {
        JsonNode properties = alternativeWith(node, "properties").path("properties");
        for (Iterator<String> it = properties.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            String key = prefix + name;
            JsonNode child = properties.get(name);
            if (ServiceKeys.PARENTS.contains(key)) {
                walk(child, key + ".", out);
                continue;
            }
            out.add(key);
            if (ServiceKeys.ENTRIES.contains(key + "[]")) {
                walk(alternativeWith(child, "items").path("items"), key + "[].", out);
            }
            if (ServiceKeys.ENTRIES.contains(key + ".*")) {
                walk(mappingValue(alternativeWith(child, "patternProperties")), key + ".*.", out);
            }
            if (ServiceKeys.ENTRIES.contains(key)) {
                walk(child, key + ".", out);
            }
        }
    }

    /** The node, or the first of its oneOf alternatives, that has {@code field}. */
    private static JsonNode alternativeWith(JsonNode node, String field) {
        JsonNode resolved = resolve(node);
        if (resolved.has(field)) {
            return resolved;
        }
        for (JsonNode alternative : resolved.path("oneOf")) {
            if (resolve(alternative).has(field)) {
                return resolve(alternative);
            }
        }
        throw new AssertionError("no " + field + " in " + node);
    }

    /** The schema of a mapping's values (its name pattern, not the x- extensions). */
    private static JsonNode mappingValue(JsonNode mapping) {
        for (Map.Entry<String, JsonNode> e : mapping.path("patternProperties").properties()) {
            if (!e.getKey().startsWith("^x-")) {
                return e.getValue();
            }
        }
        throw new AssertionError("no value pattern in " + mapping);
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
