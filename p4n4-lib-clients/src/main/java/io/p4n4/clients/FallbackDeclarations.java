package io.p4n4.clients;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.InvalidFileException;
import io.p4n4.api.P4n4Exception;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;

/**
 * Reads the declared fallback providers: one from the {@code .env} keys {@code P4N4_LLM_FALLBACK_URL},
 * {@code P4N4_LLM_FALLBACK_MODEL} and {@code P4N4_LLM_FALLBACK_API_KEY}, more from a TOML file of
 * {@code [[provider]]} tables ({@code id}, {@code url}, {@code model}, {@code api_key_env}). Every key is
 * applied or refused by name; an API key is never written in the TOML file, only named.
 */
final class FallbackDeclarations {
    static final String URL = "P4N4_LLM_FALLBACK_URL";
    static final String MODEL = "P4N4_LLM_FALLBACK_MODEL";
    static final String API_KEY = "P4N4_LLM_FALLBACK_API_KEY";
    private static final Set<String> TOML_KEYS = Set.of("id", "url", "model", "api_key_env");

    private FallbackDeclarations() {
    }

    /** The provider of the {@code .env}, if declared; VALIDATION error when only part of it is. */
    static Optional<FallbackDeclaration> fromEnv(ProjectEndpointConfig env) {
        Optional<String> url = env.value(URL);
        Optional<String> model = env.value(MODEL);
        if (url.isEmpty() && model.isEmpty()) {
            if (env.value(API_KEY).isPresent()) {
                throw new P4n4Exception(ErrorCode.VALIDATION, API_KEY + " is set but " + URL + " and " + MODEL
                        + " are not; set both in the project's .env, or remove " + API_KEY);
            }
            return Optional.empty();
        }
        if (url.isEmpty() || model.isEmpty()) {
            throw new P4n4Exception(ErrorCode.VALIDATION, (url.isEmpty() ? MODEL : URL) + " is set but "
                    + (url.isEmpty() ? URL : MODEL) + " is not; a fallback provider needs both in the project's .env"
                    + " (e.g. " + URL + "=https://host/v1 and " + MODEL + "=gpt-4o-mini)");
        }
        return Optional.of(new FallbackDeclaration(".env", null, url.get(), model.get(),
                env.value(API_KEY).orElse(null)));
    }

    /**
     * The providers of a TOML file, in file order. {@code secrets} looks up the name given by
     * {@code api_key_env}; USER error naming file, line and key for anything wrong.
     */
    static List<FallbackDeclaration> fromToml(Path file, Function<String, @Nullable String> secrets) {
        TomlParseResult toml;
        try {
            toml = Toml.parse(file);
        } catch (IOException e) {
            throw new InvalidFileException(ErrorCode.USER, file, 0, 0, null, "cannot read the providers file ("
                    + e.getClass().getSimpleName() + "); check the path given", e);
        }
        if (toml.hasErrors()) {
            TomlPosition at = toml.errors().get(0).position();
            throw new InvalidFileException(ErrorCode.USER, file, at == null ? 0 : at.line(), 0, null,
                    "not valid TOML: " + toml.errors().get(0).getMessage(), null);
        }
        for (String key : toml.keySet()) {
            if (!key.equals("provider")) {
                throw at(file, toml, key, "unknown key; the file holds [[provider]] tables only");
            }
        }
        Object tables = toml.get("provider");
        if (!(tables instanceof TomlArray array) || array.isEmpty() || !(array.get(0) instanceof TomlTable)) {
            throw new InvalidFileException(ErrorCode.USER, file, 0, 0, "provider",
                    "declares no provider; add [[provider]] tables with url and model", null);
        }
        List<FallbackDeclaration> out = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            out.add(provider(file, array.getTable(i), secrets));
        }
        return out;
    }

    private static FallbackDeclaration provider(Path file, TomlTable t, Function<String, @Nullable String> secrets) {
        for (String key : t.keySet()) {
            if (key.equals("api_key")) {
                throw at(file, t, key, "an API key is never written in this file; put it in the project's .env"
                        + " (or the environment) and name it with api_key_env = \"NAME\"");
            }
            if (!TOML_KEYS.contains(key)) {
                throw at(file, t, key, "unknown key; a [[provider]] takes " + TOML_KEYS.stream().sorted().toList());
            }
        }
        String url = string(file, t, "url", true);
        String model = string(file, t, "model", true);
        String keyName = string(file, t, "api_key_env", false);
        String apiKey = null;
        if (keyName != null) {
            apiKey = secrets.apply(keyName);
            if (apiKey == null || apiKey.isBlank()) {
                throw at(file, t, "api_key_env", "names " + keyName + ", which is set neither in the project's .env"
                        + " nor in the environment; set it there");
            }
        }
        TomlPosition where = t.inputPositionOf("url");
        return new FallbackDeclaration(file.getFileName() + (where == null ? "" : ":" + where.line()),
                string(file, t, "id", false), url, model, apiKey);
    }

    private static @Nullable String string(Path file, TomlTable t, String key, boolean required) {
        Object v = t.get(key);
        if (v == null) {
            if (required) {
                throw at(file, t, key, "missing; every [[provider]] needs url and model");
            }
            return null;
        }
        if (!(v instanceof String s) || s.isBlank()) {
            throw at(file, t, key, "must be a non-empty string");
        }
        return s;
    }

    private static InvalidFileException at(Path file, TomlTable t, String key, String problem) {
        TomlPosition p = t.inputPositionOf(key);
        return new InvalidFileException(ErrorCode.USER, file, p == null ? 0 : p.line(), p == null ? 0 : p.column(),
                key, problem, null);
    }
}
