package io.p4n4.compose.internal;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.InvalidFileException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * Reads a compose file into a plain tree with safe limits: file size, strict UTF-8, nesting depth,
 * alias count and the total number of nodes after alias expansion (YAML bombs). Every failure is an
 * {@link InvalidFileException} with code ENGINE, never an OutOfMemoryError or StackOverflowError.
 *
 * <p>Stateless and thread-safe.
 */
public final class YamlReader {
    /** Largest compose file accepted, in bytes. */
    public static final int MAX_BYTES = 4 * 1024 * 1024;
    /** Deepest nesting of mappings and sequences accepted. */
    public static final int MAX_DEPTH = 64;
    /** Most nodes a document may expand to (aliases count each time they are used). */
    public static final int MAX_NODES = 250_000;
    private static final int MAX_ALIASES = 200;
    private static final Tag RESET = new Tag("!reset");
    private static final Tag OVERRIDE = new Tag("!override");
    // read-only after construction, so shared by every parse (the composer itself is per parse)
    private static final LoaderOptions OPTIONS = loaderOptions();
    private static final Yaml12Resolver RESOLVER = new Yaml12Resolver();

    private YamlReader() {
    }

    /** Reads and parses a file; relative paths in it resolve against {@code baseDir}. */
    public static SourceDocument read(Path file, Path baseDir) {
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw invalid(file, 0, 0, "the file is " + size + " bytes, more than the " + MAX_BYTES
                        + " bytes a compose file may have; split it or remove generated content", null);
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new InvalidFileException(ErrorCode.USER, file, 0, 0, null,
                    "compose file not found; check the -f path or the working directory", e);
        } catch (IOException e) {
            throw new InvalidFileException(ErrorCode.ENGINE, file, 0, 0, null,
                    "cannot read the compose file: " + e.getMessage(), e);
        }
        return parse(decode(bytes, file), file, baseDir);
    }

    /** Parses compose YAML given as text; {@code file} names it in errors. */
    public static SourceDocument parse(String content, Path file, Path baseDir) {
        if (content.length() > MAX_BYTES) {
            throw invalid(file, 0, 0, "the document has " + content.length()
                    + " characters, more than the " + MAX_BYTES + " a compose file may have", null);
        }
        String text = content.startsWith("\uFEFF") ? content.substring(1) : content;
        Node root;
        try {
            root = new Composer(new ParserImpl(new StreamReader(text), OPTIONS), RESOLVER, OPTIONS)
                    .getSingleNode();
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            throw invalid(file, m == null ? 0 : m.getLine() + 1, m == null ? 0 : m.getColumn() + 1,
                    "invalid YAML: " + firstLine(e.getProblem() != null ? e.getProblem() : e.getMessage()), e);
        } catch (YAMLException e) {
            throw invalid(file, 0, 0, "YAML rejected: " + firstLine(e.getMessage())
                    + " (limits protect against YAML bombs and runaway documents)", e);
        } catch (StackOverflowError e) {
            throw invalid(file, 0, 0, "YAML nesting is too deep to read", null);
        }
        Map<String, int[]> marks = new HashMap<>();
        Map<String, Object> tree;
        if (root == null) {
            tree = new LinkedHashMap<>();
        } else {
            Object value = new Converter(file, marks).convert(root, "", 0);
            if (value == null) {
                tree = new LinkedHashMap<>();
            } else if (value instanceof Map<?, ?>) {
                @SuppressWarnings("unchecked")
                Map<String, Object> map = (Map<String, Object>) value;
                tree = map;
            } else {
                throw invalid(file, 1, 1, "a compose file must be a mapping (services:, networks:, ...)", null);
            }
        }
        return new SourceDocument(file, baseDir, tree, marks);
    }

    private static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setCodePointLimit(MAX_BYTES);
        options.setAllowRecursiveKeys(false);
        options.setAllowDuplicateKeys(true); // checked below, with the line of the duplicate
        return options;
    }

    private static String decode(byte[] bytes, Path file) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            CharBuffer chars = decoder.decode(in);
            return chars.toString();
        } catch (CharacterCodingException e) {
            // find the first bad byte to point at it
            int offset = firstInvalidUtf8(bytes);
            int line = 1;
            for (int i = 0; i < offset && i < bytes.length; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw invalid(file, line, 0, "the file is not valid UTF-8 (bad byte at offset " + offset
                    + "); save it as UTF-8", e);
        }
    }

    private static int firstInvalidUtf8(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        decoder.decode(in, out, true);
        return in.position();
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).trim();
    }

    static InvalidFileException invalid(Path file, int line, int column, String problem, Throwable cause) {
        return new InvalidFileException(ErrorCode.ENGINE, file, line, column, null, problem, cause);
    }

    /** Turns SnakeYAML nodes into maps, lists and scalars, recording marks and enforcing limits. */
    private static final class Converter {
        private final Path file;
        private final Map<String, int[]> marks;
        private int nodes;

        Converter(Path file, Map<String, int[]> marks) {
            this.file = file;
            this.marks = marks;
        }

        Object convert(Node node, String pointer, int depth) {
            if (++nodes > MAX_NODES) {
                throw located(node, "the document expands to more than " + MAX_NODES
                        + " nodes (aliases included); this looks like a YAML bomb");
            }
            if (depth > MAX_DEPTH) {
                throw located(node, "the document nests deeper than " + MAX_DEPTH + " levels");
            }
            if (!marks.containsKey(pointer)) {
                marks.put(pointer, new int[] {node.getStartMark().getLine() + 1, node.getStartMark().getColumn() + 1});
            }
            Tag tag = node.getTag();
            if (RESET.equals(tag)) {
                return Tagged.Reset.INSTANCE;
            }
            if (OVERRIDE.equals(tag)) {
                return new Tagged.Override(convertUntagged(node, pointer, depth));
            }
            return convertUntagged(node, pointer, depth);
        }

        private Object convertUntagged(Node node, String pointer, int depth) {
            if (node instanceof ScalarNode s) {
                return scalar(s);
            }
            if (node instanceof SequenceNode seq) {
                List<Object> list = new ArrayList<>(seq.getValue().size());
                int i = 0;
                for (Node item : seq.getValue()) {
                    list.add(convert(item, pointer + "/" + i, depth + 1));
                    i++;
                }
                return list;
            }
            MappingNode map = (MappingNode) node;
            Map<String, Object> result = new LinkedHashMap<>();
            List<Node> mergeSources = new ArrayList<>();
            for (NodeTuple tuple : map.getValue()) {
                Node keyNode = tuple.getKeyNode();
                if (!(keyNode instanceof ScalarNode keyScalar)) {
                    throw located(keyNode, "mapping keys must be plain scalars");
                }
                if (Tag.MERGE.equals(keyNode.getTag())) {
                    mergeSources.add(tuple.getValueNode());
                    continue;
                }
                String key = keyScalar.getValue();
                if (result.containsKey(key)) {
                    throw located(keyNode, "duplicate key '" + key + "'; remove one of them");
                }
                result.put(key, convert(tuple.getValueNode(), pointer + "/" + escape(key), depth + 1));
            }
            // YAML merge keys: explicit keys win, earlier merge sources win over later ones
            for (Node source : mergeSources) {
                List<Node> maps = source instanceof SequenceNode seq ? seq.getValue() : List.of(source);
                for (Node m : maps) {
                    Object merged = convert(m, pointer, depth + 1);
                    if (!(merged instanceof Map<?, ?> mergedMap)) {
                        throw located(m, "a '<<' merge key needs a mapping (or a list of mappings)");
                    }
                    for (Map.Entry<?, ?> e : mergedMap.entrySet()) {
                        result.putIfAbsent((String) e.getKey(), e.getValue());
                    }
                }
            }
            return result;
        }

        private Object scalar(ScalarNode s) {
            String v = s.getValue();
            String tag = s.getTag().getValue();
            try {
                switch (tag) {
                    case "tag:yaml.org,2002:null":
                        return null;
                    case "tag:yaml.org,2002:bool":
                        return Boolean.valueOf(v.toLowerCase(java.util.Locale.ROOT));
                    case "tag:yaml.org,2002:int":
                        return parseInt(v);
                    case "tag:yaml.org,2002:float":
                        return parseFloat(v);
                    case "tag:yaml.org,2002:str":
                        return v;
                    default:
                        if (tag.startsWith("tag:yaml.org,2002:")) {
                            return v; // timestamps, binary: keep the text
                        }
                        throw located(s, "unsupported YAML tag " + tag + "; compose knows only !reset and !override");
                }
            } catch (NumberFormatException e) {
                throw located(s, "'" + v + "' is not a valid " + tag.substring(tag.lastIndexOf(':') + 1));
            }
        }

        private static Object parseInt(String v) {
            String t = v.startsWith("+") ? v.substring(1) : v;
            String digits = t.startsWith("-") ? t.substring(1) : t;
            if (digits.length() > 1 && digits.startsWith("0") && Character.isDigit(digits.charAt(1))) {
                // go-yaml (compose) reads 0440 as octal, as YAML 1.1 did (file modes are written so); with an
                // 8 or 9 in it, it is no octal and go-yaml falls back to a float
                try {
                    long n = Long.parseLong(digits, 8);
                    return t.startsWith("-") ? -n : n;
                } catch (NumberFormatException e) {
                    return Double.valueOf(t);
                }
            }
            if (t.length() < 18 && !t.startsWith("0o") && !t.startsWith("0x")) {
                return Long.parseLong(t);
            }
            java.math.BigInteger n;
            if (t.startsWith("0o")) {
                n = new java.math.BigInteger(t.substring(2), 8);
            } else if (t.startsWith("0x")) {
                n = new java.math.BigInteger(t.substring(2), 16);
            } else {
                n = new java.math.BigInteger(t);
            }
            return n.bitLength() < 64 ? (Object) n.longValue() : n.toString();
        }

        private static Object parseFloat(String v) {
            String t = v.toLowerCase(java.util.Locale.ROOT);
            if (t.endsWith(".inf")) {
                return t.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            }
            if (t.equals(".nan")) {
                return Double.NaN;
            }
            return Double.valueOf(v);
        }

        private InvalidFileException located(Node node, String problem) {
            Mark m = node.getStartMark();
            return invalid(file, m.getLine() + 1, m.getColumn() + 1, problem, null);
        }
    }

    /** Escapes a key for use in a JSON pointer (RFC 6901). */
    public static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
