package io.p4n4.compose.interpolation.internal;

/**
 * A failure inside the scanner, turned into a public exception (with the caller's path) by
 * {@link io.p4n4.compose.interpolation.Interpolation}. Carries no stack trace: it is control flow.
 */
public final class TemplateError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final boolean invalidTemplate;
    private final String template;
    private final String variable;
    private final String reason;

    private TemplateError(boolean invalidTemplate, String template, String variable, String reason) {
        super(null, null, false, false);
        this.invalidTemplate = invalidTemplate;
        this.template = template;
        this.variable = variable;
        this.reason = reason;
    }

    /** A malformed template; {@code template} is the text compose-go would quote (may be a part). */
    static TemplateError invalid(String template) {
        return new TemplateError(true, template, null, null);
    }

    /** A template the scanner refuses for safety, with its own explanation instead of the text. */
    static TemplateError refused(String reason) {
        return new TemplateError(true, null, null, reason);
    }

    /** A required variable without a value; {@code reason} is the interpolated message, maybe empty. */
    static TemplateError missing(String variable, String reason) {
        return new TemplateError(false, null, variable, reason);
    }

    /** Returns true for a malformed (or refused) template, false for a missing required variable. */
    public boolean invalidTemplate() {
        return invalidTemplate;
    }

    /** Returns the template text at fault, or {@code null} when the scanner refused it for safety. */
    public String template() {
        return template;
    }

    /** Returns the missing variable, or {@code null}. */
    public String variable() {
        return variable;
    }

    /** Returns the required-variable message, or the safety explanation, or {@code null}. */
    public String reason() {
        return reason;
    }
}
