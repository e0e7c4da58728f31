package io.p4n4.core.manifest.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import io.p4n4.api.project.Federation;
import io.p4n4.api.project.LegacyManifest;
import io.p4n4.api.project.Manifest;
import io.p4n4.api.project.StackId;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Converts manifests to and from JSON trees, with the field order p4n4 always writes and the
 * formatting of the upstream tools (2-space indent, {@code "key": value}, trailing newline).
 * Thread-safe.
 */
public final class ManifestJson {
    /** Shared, configured once. */
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private static final DefaultPrettyPrinter PRINTER = new DefaultPrettyPrinter(
            Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withArrayEmptySeparator("")
                    .withObjectEmptySeparator(""))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"));

    private ManifestJson() {
    }

    /** Builds the tree of {@code m}, fields in the order of the schema. */
    public static ObjectNode toTree(Manifest m) {
        ObjectNode n = MAPPER.createObjectNode();
        m.schema().ifPresent(s -> n.put("$schema", s));
        n.put("name", m.name());
        n.put("version", m.version());
        n.put("cli_version", m.cliVersion());
        ArrayNode stacks = n.putArray("stacks");
        m.stacks().forEach(s -> stacks.add(s.value()));
        n.put("created_at", m.createdAt());
        m.template().ifPresent(t -> n.put("template", t));
        if (!m.templateOrgs().isEmpty()) {
            ArrayNode orgs = n.putArray("template_orgs");
            m.templateOrgs().forEach(u -> orgs.add(u.toString()));
        }
        m.federation().ifPresent(f -> {
            ObjectNode fed = n.putObject("federation");
            fed.put("role", f.role().value());
            f.findHubUrl().ifPresent(u -> fed.put("hub_url", u.toString()));
            fed.put("site_id", f.siteId());
            if (!f.topicsForwarded().isEmpty()) {
                ArrayNode topics = fed.putArray("topics_forwarded");
                f.topicsForwarded().forEach(topics::add);
            }
        });
        return n;
    }

    /** Reads a tree that already passed the schema. */
    public static Manifest fromTree(JsonNode n) {
        Manifest.Builder b = Manifest.builder(n.get("name").asText(), n.get("cli_version").asText())
                .schema(n.has("$schema") ? n.get("$schema").asText() : null)
                .version(n.get("version").asText())
                .createdAt(n.get("created_at").asText());
        List<StackId> stacks = new ArrayList<>();
        n.get("stacks").forEach(s -> stacks.add(StackId.of(s.asText())));
        b.stacks(stacks);
        if (n.has("template")) {
            b.template(n.get("template").asText());
        }
        if (n.has("template_orgs")) {
            List<URI> orgs = new ArrayList<>();
            n.get("template_orgs").forEach(u -> orgs.add(URI.create(u.asText())));
            b.templateOrgs(orgs);
        }
        JsonNode fed = n.get("federation");
        if (fed != null) {
            List<String> topics = new ArrayList<>();
            if (fed.has("topics_forwarded")) {
                fed.get("topics_forwarded").forEach(t -> topics.add(t.asText()));
            }
            b.federation(new Federation(
                    Federation.Role.valueOf(fed.get("role").asText().toUpperCase(Locale.ROOT)),
                    fed.has("hub_url") ? URI.create(fed.get("hub_url").asText()) : null,
                    fed.get("site_id").asText(), topics));
        }
        return b.build();
    }

    /** Returns true when the object looks like an upstream manifest rather than manifest-v1. */
    public static boolean isLegacy(JsonNode n) {
        return !n.has("cli_version") && !n.has("name") && (n.has("schema_version") || n.has("layers")
                || n.has("project"));
    }

    /** Builds the tree of a legacy manifest, in the upstream field order. */
    public static ObjectNode toTree(LegacyManifest m) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("schema_version", m.schemaVersion());
        n.put("project", m.project());
        ArrayNode layers = n.putArray("layers");
        m.layers().forEach(layers::add);
        if (m.createdAt() != null) {
            n.put("created_at", m.createdAt());
        }
        return n;
    }

    /** Formats a tree: 2-space indent, stable order, trailing newline. */
    public static String render(JsonNode tree) {
        try {
            return MAPPER.writer(PRINTER).writeValueAsString(tree) + "\n";
        } catch (JsonProcessingException e) {
            throw new P4n4Exception(ErrorCode.GENERAL, "cannot format the manifest", e);
        }
    }
}
