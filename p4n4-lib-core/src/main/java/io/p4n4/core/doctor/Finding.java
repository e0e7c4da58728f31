package io.p4n4.core.doctor;

import io.p4n4.api.ErrorCode;
import java.util.Objects;

/**
 * One thing {@link Doctor} looked at.
 *
 * @param check what was checked ({@code engine candidate}, {@code engine version}, {@code p4n4-net},
 *     {@code port 1883/tcp}, {@code nats}, {@code mqtt}, {@code .env})
 * @param status how it went
 * @param code the error code of an {@link Status#ERROR}, {@link ErrorCode#OK} otherwise
 * @param detail what was found, for people
 * @param hint what to do, or {@code ""}
 */
public record Finding(String check, Status status, ErrorCode code, String detail, String hint) {
    /** Checks the components; an error needs a non-OK code. */
    public Finding {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(hint, "hint");
        if ((status == Status.ERROR) == (code == ErrorCode.OK)) {
            throw new IllegalArgumentException("an error finding needs a code other than OK, and only an error one: "
                    + status + " " + code);
        }
    }

    /** How a check went, from best to worst. */
    public enum Status {
        /** Works. */
        OK,
        /** Not a problem: a candidate that did not answer, a check that does not apply. */
        INFO,
        /** Works, but risky or likely to fail later. */
        WARNING,
        /** Does not work; carries an error code. */
        ERROR
    }

    static Finding ok(String check, String detail) {
        return new Finding(check, Status.OK, ErrorCode.OK, detail, "");
    }

    static Finding info(String check, String detail) {
        return new Finding(check, Status.INFO, ErrorCode.OK, detail, "");
    }

    static Finding warning(String check, String detail, String hint) {
        return new Finding(check, Status.WARNING, ErrorCode.OK, detail, hint);
    }

    static Finding error(String check, ErrorCode code, String detail, String hint) {
        return new Finding(check, Status.ERROR, code, detail, hint);
    }
}
