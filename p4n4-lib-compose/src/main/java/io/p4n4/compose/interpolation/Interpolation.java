package io.p4n4.compose.interpolation;

import io.p4n4.compose.interpolation.InterpolationException.Kind;
import io.p4n4.compose.interpolation.internal.GoQuote;
import io.p4n4.compose.interpolation.internal.TemplateError;
import io.p4n4.compose.interpolation.internal.TemplateScanner;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compose-spec variable interpolation with compose-go's results: {@code $VAR}, {@code ${VAR}},
 * {@code ${VAR:-d}}, {@code ${VAR-d}}, {@code ${VAR:?e}}, {@code ${VAR?e}}, {@code ${VAR:+a}},
 * {@code ${VAR+a}}, nested references inside defaults, messages and alternatives (evaluated only when
 * used), and {@code $$} for a literal dollar. Values are inserted as they are, never interpolated again.
 *
 * <pre>{@code
 * String image = Interpolation.interpolate("influxdb:${INFLUX_TAG:-2}", System::getenv); // "influxdb:2"
 * }</pre>
 *
 * <p>Stateless and thread-safe, provided the lookup function is.
 *
 * <p>Deviations, both refused as an invalid template: references nested more than 100 levels deep
 * (compose-go would recurse without limit; checked before anything is evaluated, so it applies to
 * unused defaults too), and a result longer than 4 Mi characters or than the template, whichever is
 * more.
 */
public final class Interpolation {
    private static final Logger LOG = LoggerFactory.getLogger(Interpolation.class);
    private static final int MAX_QUOTED = 500;

    private Interpolation() {
    }

    /**
     * Substitutes every variable reference in {@code template}.
     *
     * @param lookup returns a variable's value: {@code null} when unset, {@code ""} when set but empty
     * @throws InterpolationException INVALID_TEMPLATE (code ENGINE) for a malformed {@code ${...}},
     *     MISSING_REQUIRED (code VALIDATION) for a {@code :?} / {@code ?} variable without a value
     */
    public static String interpolate(String template, Function<String, @Nullable String> lookup) {
        return interpolate(template, lookup, null);
    }

    /**
     * Like {@link #interpolate(String, Function)} for the value at a dotted {@code path} of a document
     * (a compose model): errors then read {@code error while interpolating <path>: ...} or
     * {@code invalid interpolation format for <path>. ...}, as compose-go writes them.
     *
     * @param path the dotted path of the value, e.g. {@code services.web.image}; {@code null} for none
     */
    public static String interpolate(String template, Function<String, @Nullable String> lookup,
            @Nullable String path) {
        return interpolate(template, lookup, path,
                name -> LOG.debug("The \"{}\" variable is not set. Defaulting to a blank string.", name));
    }

    /**
     * Like {@link #interpolate(String, Function, String)}, telling {@code unsetVariables} the name of
     * every plain reference ({@code $VAR}, {@code ${VAR}}) to an unset variable, where compose warns
     * "The VAR variable is not set. Defaulting to a blank string."
     */
    public static String interpolate(String template, Function<String, @Nullable String> lookup,
            @Nullable String path, Consumer<String> unsetVariables) {
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(lookup, "lookup");
        Objects.requireNonNull(unsetVariables, "unsetVariables");
        try {
            return TemplateScanner.substitute(template, lookup, unsetVariables);
        } catch (TemplateError e) {
            throw toException(e, path);
        }
    }

    /**
     * Lists every variable the template references, in order of appearance, with its modifier and raw
     * argument. References inside an argument follow the reference that holds them, whether or not
     * they would be evaluated: {@code ${A:-${B}}} gives {@code A} (with default {@code "${B}"}) then
     * {@code B}. {@code $$NAME} is not a reference.
     *
     * @throws InterpolationException INVALID_TEMPLATE when the template (any argument included) is malformed
     */
    public static List<VariableReference> references(String template) {
        Objects.requireNonNull(template, "template");
        try {
            return List.copyOf(TemplateScanner.references(template));
        } catch (TemplateError e) {
            throw toException(e, null);
        }
    }

    private static InterpolationException toException(TemplateError e, @Nullable String path) {
        if (!e.invalidTemplate()) {
            String message = "required variable " + e.variable() + " is missing a value"
                    + (e.reason().isEmpty() ? "" : ": " + e.reason());
            if (path != null) {
                message = "error while interpolating " + path + ": " + message;
            }
            message += " (set " + e.variable() + " in the environment or the .env file)";
            return new InterpolationException(Kind.MISSING_REQUIRED, e.variable(), path, null, message);
        }
        String message;
        if (e.template() == null) {
            // refused for safety: say why, quote nothing (the template may be huge)
            message = (path != null ? "invalid interpolation format for " + path + ": " : "Invalid template: ")
                    + e.reason() + "; simplify the value";
        } else if (path != null) {
            message = "invalid interpolation format for " + path + ".\nYou may need to escape any $ with another $.\n"
                    + shorten(e.template());
        } else {
            message = "Invalid template: " + GoQuote.quote(shorten(e.template()))
                    + " (references are $NAME or ${NAME}, optionally with :-, -, :?, ?, :+ or + and a value"
                    + " before the closing brace; write $$ for a literal $)";
        }
        return new InterpolationException(Kind.INVALID_TEMPLATE, null, path, e.template(), message);
    }

    private static String shorten(String template) {
        return template.length() <= MAX_QUOTED ? template : template.substring(0, MAX_QUOTED) + "...";
    }
}
