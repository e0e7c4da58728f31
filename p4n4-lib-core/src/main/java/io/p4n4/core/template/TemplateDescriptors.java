package io.p4n4.core.template;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.InvalidFileException;
import io.p4n4.api.P4n4Exception;
import io.p4n4.api.template.TemplateDescriptor;
import io.p4n4.api.template.TemplateHardware;
import io.p4n4.api.template.TemplateVariable;
import io.p4n4.core.compat.VersionRange;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlTable;

/**
 * Reads a template's {@code p4n4-template.toml} (with tomlj) and checks it against the spec: required
 * {@code [template]} fields, {@code [template.requires]} with {@code cli} (a version range) and
 * {@code stacks}, optional {@code [template.hardware]} and {@code [template.variables]}. Unknown keys are
 * errors, so a typo is not silently ignored. Stateless and thread-safe.
 */
public final class TemplateDescriptors {
    private static final Set<String> TEMPLATE_KEYS = Set.of("name", "version", "description", "author", "license",
            "tags", "requires", "hardware", "variables");
    private static final Set<String> STACKS = Set.of("iot", "ai", "edge");

    private TemplateDescriptors() {
    }

    /**
     * Reads {@code p4n4-template.toml} in template directory {@code dir}.
     *
     * @throws InvalidFileException VALIDATION naming the file, line and key of the first problem
     */
    public static TemplateDescriptor read(Path dir) {
        Path file = dir.resolve(TemplateDescriptor.FILE_NAME);
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new InvalidFileException(ErrorCode.VALIDATION, file, 0, 0, null, "cannot be read ("
                    + e.getClass().getSimpleName() + "); a template directory needs a " + TemplateDescriptor.FILE_NAME,
                    e);
        }
        return parse(text, file);
    }

    /** Parses descriptor text; {@code file} names it in errors. */
    public static TemplateDescriptor parse(String text, Path file) {
        TomlParseResult toml = Toml.parse(text);
        if (toml.hasErrors()) {
            var e = toml.errors().get(0);
            throw new InvalidFileException(ErrorCode.VALIDATION, file, e.position() == null ? 0 : e.position().line(),
                    e.position() == null ? 0 : e.position().column(), null, "is not valid TOML: " + e.getMessage(), null);
        }
        for (String key : toml.keySet()) {
            if (!key.equals("template")) {
                throw fail(file, toml, key, "is not a key of p4n4-template.toml" + (key.equals("requires")
                        ? "; write the table as [template.requires]" : "; everything lives under [template]"));
            }
        }
        TomlTable t = table(file, toml, toml, "template", true);
        for (String key : t.keySet()) {
            if (!TEMPLATE_KEYS.contains(key)) {
                throw fail(file, toml, "template." + key, "is not a field of [template]; the fields are "
                        + String.join(", ", new java.util.TreeSet<>(TEMPLATE_KEYS)));
            }
        }
        String name = string(file, toml, "template.name");
        if (!name.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            throw fail(file, toml, "template.name", "'" + name + "' is not kebab-case (a-z, 0-9, single dashes)");
        }
        String version = string(file, toml, "template.version");
        if (!version.matches("\\d+\\.\\d+\\.\\d+([-+][0-9A-Za-z.+-]*)?")) {
            throw fail(file, toml, "template.version", "'" + version + "' is not a semantic version like 0.2.0");
        }
        TomlTable requires = table(file, toml, t, "template.requires", true);
        for (String key : requires.keySet()) {
            if (!Set.of("cli", "stacks").contains(key)) {
                throw fail(file, toml, "template.requires." + key, "is not a field of [template.requires] (cli, stacks)");
            }
        }
        String cli = string(file, toml, "template.requires.cli");
        try {
            VersionRange.parse(cli);
        } catch (P4n4Exception e) {
            throw fail(file, toml, "template.requires.cli", "'" + cli + "' is not a version range; write e.g. \">=0.2.0\"");
        }
        List<String> stacks = strings(file, toml, "template.requires.stacks");
        for (String s : stacks) {
            if (!STACKS.contains(s)) {
                throw fail(file, toml, "template.requires.stacks", "names '" + s + "'; stacks are iot, ai and edge");
            }
        }
        return new TemplateDescriptor(name, version, string(file, toml, "template.description"),
                string(file, toml, "template.author"), string(file, toml, "template.license"),
                strings(file, toml, "template.tags"), cli, stacks, hardware(file, toml), variables(file, toml));
    }

    /**
     * Refuses a template whose {@code requires.cli} range excludes {@code cliVersion}.
     *
     * @throws P4n4Exception COMPATIBILITY naming the template, its range and the running version
     */
    public static void checkCompatible(TemplateDescriptor d, String cliVersion) {
        if (!VersionRange.parse(d.requiresCli()).contains(cliVersion)) {
            throw new P4n4Exception(ErrorCode.COMPATIBILITY, "template " + d.name() + " " + d.version()
                    + " requires p4n4 " + d.requiresCli() + " (" + TemplateDescriptor.FILE_NAME
                    + ", template.requires.cli) but this is p4n4 " + cliVersion + "; upgrade p4n4 or pick an older"
                    + " version of the template");
        }
    }

    private static @Nullable TemplateHardware hardware(Path file, TomlParseResult toml) {
        if (!toml.contains("template.hardware")) {
            return null;
        }
        TomlTable h = table(file, toml, toml, "template.hardware", true);
        for (String key : h.keySet()) {
            if (!Set.of("min_ram_gb", "min_disk_gb", "gpu").contains(key)) {
                throw fail(file, toml, "template.hardware." + key,
                        "is not a field of [template.hardware] (min_ram_gb, min_disk_gb, gpu)");
            }
        }
        return new TemplateHardware(count(file, toml, "template.hardware.min_ram_gb"),
                count(file, toml, "template.hardware.min_disk_gb"), flag(file, toml, "template.hardware.gpu"));
    }

    private static List<TemplateVariable> variables(Path file, TomlParseResult toml) {
        List<TemplateVariable> out = new ArrayList<>();
        if (!toml.contains("template.variables")) {
            return out;
        }
        TomlTable vars = table(file, toml, toml, "template.variables", true);
        for (String name : vars.keySet()) {
            String key = "template.variables." + name;
            if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw fail(file, toml, key, "is not a usable variable name (letters, digits, _)");
            }
            TomlTable v = table(file, toml, toml, List.of("template", "variables", name), key);
            for (String k : v.keySet()) {
                if (!Set.of("description", "default").contains(k)) {
                    throw fail(file, toml, key + "." + k, "is not a field of a variable (description, default)");
                }
            }
            Object def = v.get("default");
            if (def == null || def instanceof TomlTable || def instanceof TomlArray) {
                throw fail(file, toml, key + ".default", "is missing or not a plain value; every variable needs a default");
            }
            Object description = v.get("description");
            out.add(new TemplateVariable(name, description instanceof String s ? s : "", String.valueOf(def)));
        }
        return out;
    }

    private static TomlTable table(Path file, TomlParseResult toml, TomlTable in, String key, boolean required) {
        return table(file, toml, in, org.tomlj.Toml.parseDottedKey(key), key);
    }

    private static TomlTable table(Path file, TomlParseResult toml, TomlTable in, List<String> path, String key) {
        Object v = toml.get(path);
        if (v instanceof TomlTable table) {
            return table;
        }
        throw fail(file, toml, key, v == null ? "is missing; add the table [" + key + "]" : "must be a table");
    }

    private static String string(Path file, TomlParseResult toml, String key) {
        Object v = toml.get(key);
        if (v instanceof String s && !s.isBlank()) {
            return s;
        }
        throw fail(file, toml, key, v == null ? "is missing" : "must be a non-empty string");
    }

    private static List<String> strings(Path file, TomlParseResult toml, String key) {
        Object v = toml.get(key);
        if (!(v instanceof TomlArray array)) {
            throw fail(file, toml, key, v == null ? "is missing; write a list like [\"iot\"]" : "must be a list of strings");
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            if (!(array.get(i) instanceof String s)) {
                throw fail(file, toml, key, "must be a list of strings");
            }
            out.add(s);
        }
        return out;
    }

    private static int count(Path file, TomlParseResult toml, String key) {
        Object v = toml.get(key);
        if (v == null) {
            return 0;
        }
        if (v instanceof Long n && n >= 0 && n < 100_000) {
            return n.intValue();
        }
        throw fail(file, toml, key, "must be a whole number of GB");
    }

    private static boolean flag(Path file, TomlParseResult toml, String key) {
        Object v = toml.get(key);
        if (v == null || v instanceof Boolean) {
            return Boolean.TRUE.equals(v);
        }
        throw fail(file, toml, key, "must be true or false");
    }

    private static InvalidFileException fail(Path file, TomlParseResult toml, String key, String what) {
        var pos = toml.inputPositionOf(key);
        return new InvalidFileException(ErrorCode.VALIDATION, file, pos == null ? 0 : pos.line(),
                pos == null ? 0 : pos.column(), key, what, null);
    }
}
