package io.p4n4.compose.internal;

import java.util.Locale;

/** Compose project names: lowercase letters, digits, '-' and '_', starting with a letter or digit. */
public final class ProjectNames {
    private ProjectNames() {
    }

    /** Normalizes a directory name the way compose does (lowercase, invalid characters dropped). */
    public static String normalize(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_') {
                sb.append(c);
            }
        }
        int start = 0;
        while (start < sb.length() && (sb.charAt(start) == '-' || sb.charAt(start) == '_')) {
            start++;
        }
        return sb.substring(start);
    }

    /** True when {@code name} is already a valid project name. */
    public static boolean isValid(String name) {
        return !name.isEmpty() && normalize(name).equals(name);
    }
}
