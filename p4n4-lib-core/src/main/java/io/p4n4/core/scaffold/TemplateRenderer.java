package io.p4n4.core.scaffold;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.interpret.RenderResult;
import com.hubspot.jinjava.interpret.TemplateError;
import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import java.util.List;
import java.util.Map;

/**
 * Renders Jinja2 templates with Jinjava (the JVM's Jinja2 implementation, so community templates
 * written for the Python tools render the same). Undefined variables are errors, not empty text.
 * Thread-safe: one engine, shared.
 */
public final class TemplateRenderer {
    private final Jinjava jinjava;

    private TemplateRenderer() {
        JinjavaConfig config = JinjavaConfig.newBuilder()
                .withFailOnUnknownTokens(true)
                .withTrimBlocks(true)
                .withLstripBlocks(true)
                .build();
        this.jinjava = new Jinjava(config);
    }

    /** Creates a renderer. */
    public static TemplateRenderer create() {
        return new TemplateRenderer();
    }

    /**
     * Renders {@code template} with {@code values}.
     *
     * @param name the template's name, for error messages
     * @throws P4n4Exception GENERAL naming the template and line when it cannot be rendered
     */
    public String render(String name, String template, Map<String, ?> values) {
        RenderResult result = jinjava.renderForResult(template, values);
        List<TemplateError> errors = result.getErrors().stream()
                .filter(e -> e.getSeverity() == TemplateError.ErrorType.FATAL).toList();
        if (!errors.isEmpty()) {
            TemplateError e = errors.get(0);
            throw new P4n4Exception(ErrorCode.GENERAL, "template " + name + " line " + e.getLineno()
                    + ": " + e.getMessage() + "; the stack template is broken, report it to its provider");
        }
        return result.getOutput();
    }
}
