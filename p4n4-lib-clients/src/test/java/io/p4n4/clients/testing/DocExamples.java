package io.p4n4.clients.testing;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the examples of a service's own documentation, kept unchanged under
 * {@code src/test/resources/conformance/}, so tests serve exactly what the docs show: the fenced
 * code blocks of one section (a heading up to the next heading of the same or a higher level).
 */
public final class DocExamples {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Reads {@code json5} blocks (unquoted keys, single quotes, trailing commas), as docs/api.md uses. */
    private static final ObjectMapper JSON5 = JsonMapper.builder().enable(JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES,
            JsonReadFeature.ALLOW_SINGLE_QUOTES, JsonReadFeature.ALLOW_TRAILING_COMMA,
            JsonReadFeature.ALLOW_JAVA_COMMENTS).build();
    private final List<String> lines;
    private final String resource;

    private DocExamples(String resource, List<String> lines) {
        this.resource = resource;
        this.lines = lines;
    }

    /** Loads a Markdown page from the test classpath, e.g. {@code /conformance/ollama/api.md}. */
    public static DocExamples load(String resource) {
        try (InputStream in = DocExamples.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + resource);
            }
            return new DocExamples(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Returns the code blocks of the first section whose heading text is {@code heading} (after
     * section {@code within}, when given; {@code null} for the text before the first {@code ##}
     * heading), whose fence is tagged {@code lang} ("" for untagged).
     */
    public List<String> blocks(String within, String heading, String lang) {
        return blocks(within, heading, List.of(lang)).stream().map(b -> b.substring(b.indexOf('\n') + 1)).toList();
    }

    /** The blocks tagged with one of {@code langs}, each prefixed by its tag and a newline. */
    private List<String> blocks(String within, String heading, List<String> langs) {
        int from = within == null ? 0 : headingLine(within, 0) + 1;
        int start = heading == null ? -1 : headingLine(heading, from);
        int level = heading == null ? 2 : level(lines.get(start));
        String lang = null;
        List<String> blocks = new ArrayList<>();
        StringBuilder block = null;
        for (int i = start + 1; i < lines.size(); i++) {
            String l = lines.get(i);
            if (block == null && level(l) > 0 && level(l) <= level) {
                break;
            }
            if (l.startsWith("```")) {
                if (block == null) {
                    lang = l.substring(3).strip();
                    block = new StringBuilder(lang).append('\n');
                } else {
                    if (langs.contains(lang)) {
                        blocks.add(block.toString());
                    }
                    block = null;
                }
            } else if (block != null) {
                block.append(l).append('\n');
            }
        }
        if (blocks.isEmpty()) {
            throw new IllegalArgumentException("no ```" + langs + " block under '" + heading + "' in " + resource);
        }
        return blocks;
    }

    /**
     * Every JSON value of the section's {@code json} and {@code json5} blocks, in order, one compact
     * JSON line each (NDJSON).
     */
    public List<String> jsonValues(String within, String heading) {
        List<String> out = new ArrayList<>();
        for (String tagged : blocks(within, heading, List.of("json", "json5"))) {
            int nl = tagged.indexOf('\n');
            ObjectMapper reader = tagged.substring(0, nl).equals("json5") ? JSON5 : JSON;
            String b = tagged.substring(nl + 1);
            try (MappingIterator<JsonNode> it = reader.readerFor(JsonNode.class).readValues(b)) {
                while (it.hasNext()) {
                    out.add(JSON.writeValueAsString(it.next()));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("a json block under '" + heading + "' in " + resource, e);
            }
        }
        return out;
    }

    private int headingLine(String heading, int from) {
        for (int i = from; i < lines.size(); i++) {
            String l = lines.get(i);
            int level = level(l);
            if (level > 0 && l.substring(level).strip().equals(heading)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no heading '" + heading + "' in " + resource);
    }

    private static int level(String line) {
        int n = 0;
        while (n < line.length() && line.charAt(n) == '#') {
            n++;
        }
        return n > 0 && n < line.length() && line.charAt(n) == ' ' ? n : 0;
    }
}
