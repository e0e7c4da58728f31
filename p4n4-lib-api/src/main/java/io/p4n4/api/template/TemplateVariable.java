package io.p4n4.api.template;

import java.util.Objects;

/**
 * A variable a template's files use, from {@code [template.variables]}.
 *
 * @param name its name in the templates
 * @param description what it is for
 * @param defaultValue the value used unless the user sets another
 */
public record TemplateVariable(String name, String description, String defaultValue) {

    /** Validates the components. */
    public TemplateVariable {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(defaultValue, "defaultValue");
    }
}
