package io.p4n4.compose.internal;

import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Resolves plain scalars with the YAML 1.2 core schema, as compose (go-yaml v3) does: {@code yes} and
 * {@code on} stay strings instead of SnakeYAML's YAML 1.1 reading. {@code 0777} is an integer, which
 * {@link YamlReader} reads as octal, as go-yaml does.
 */
final class Yaml12Resolver extends Resolver {
    static final Pattern BOOL12 = Pattern.compile("^(?:true|True|TRUE|false|False|FALSE)$");
    static final Pattern INT12 = Pattern.compile("^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$");
    static final Pattern FLOAT12 = Pattern.compile(
            "^(?:[-+]?(?:\\.[0-9]+|[0-9]+(?:\\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
    static final Pattern NULL12 = Pattern.compile("^(?:~|null|Null|NULL|)$");

    @Override
    protected void addImplicitResolvers() {
        addImplicitResolver(Tag.BOOL, BOOL12, "tfTF");
        addImplicitResolver(Tag.INT, INT12, "-+0123456789");
        addImplicitResolver(Tag.FLOAT, FLOAT12, "-+0123456789.");
        addImplicitResolver(Tag.MERGE, MERGE, "<");
        addImplicitResolver(Tag.NULL, NULL12, "~nN\0");
        addImplicitResolver(Tag.NULL, EMPTY, null);
    }
}
