package io.p4n4.cli.output;

import java.util.Locale;

/** Byte counts for people, in powers of 1000 as the engines and Ollama print them. */
public final class Sizes {
    private Sizes() {
    }

    /** {@code 999 B}, {@code 1.2 kB}, {@code 3.4 MB}, ... */
    public static String human(long bytes) {
        if (bytes < 1000) {
            return bytes + " B";
        }
        String[] units = {"kB", "MB", "GB", "TB"};
        double v = bytes;
        int i = -1;
        while (v >= 1000 && i < units.length - 1) {
            v /= 1000;
            i++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[i]);
    }
}
