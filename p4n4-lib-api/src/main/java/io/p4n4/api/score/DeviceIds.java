package io.p4n4.api.score;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Rules for device ids and deployment names: both become segments of store keys
 * ({@code <device>.<deployment>}), so they may not contain dots, wildcards or whitespace.
 * Stateless and thread-safe.
 */
public final class DeviceIds {

    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9_=-]{0,252}");

    private DeviceIds() {
    }

    /**
     * Returns {@code value} when it is a valid key segment.
     *
     * @param what what the value is, for the message ("device id", "deployment name")
     * @throws P4n4Exception with {@link ErrorCode#VALIDATION} when it is not
     */
    public static String requireValid(String what, @Nullable String value) {
        if (value == null || !SEGMENT.matcher(value).matches()) {
            throw new P4n4Exception(ErrorCode.VALIDATION, "invalid " + what + " '" + value
                    + "': use 1-253 letters, digits, '-' or '_' (no dots, wildcards or spaces)");
        }
        if ("status".equals(value)) {
            throw new P4n4Exception(ErrorCode.VALIDATION, "invalid " + what
                    + " 'status': the name is reserved for agent status keys");
        }
        return value;
    }
}
