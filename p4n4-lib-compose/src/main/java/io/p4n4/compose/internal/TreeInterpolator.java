package io.p4n4.compose.internal;

import io.p4n4.api.InvalidFileException;
import io.p4n4.compose.interpolation.Interpolation;
import io.p4n4.compose.interpolation.InterpolationException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Interpolates every string value of a document (keys are left alone, as compose does). A failure
 * names the file, line, column and dotted path, and keeps the interpolation error's code: ENGINE for
 * a malformed template, VALIDATION for a required variable without a value. Stateless.
 */
public final class TreeInterpolator {
    private TreeInterpolator() {
    }

    /** Interpolates {@code doc}'s tree in place with {@code lookup} (null = unset). */
    public static void interpolate(SourceDocument doc, Function<String, String> lookup) {
        walk(doc.tree(), "", doc, lookup);
    }

    private static Object walk(Object value, String pointer, SourceDocument doc, Function<String, String> lookup) {
        if (value instanceof Tagged.Override o) {
            return new Tagged.Override(walk(o.value(), pointer, doc, lookup));
        }
        if (value instanceof String s) {
            if (s.indexOf('$') < 0) {
                return s;
            }
            String path = SchemaValidation.dotted(pointer);
            try {
                return Interpolation.interpolate(s, lookup, path);
            } catch (InterpolationException e) {
                int[] mark = doc.mark(pointer);
                throw new InvalidFileException(e.code(), doc.file(), mark[0], mark[1], path, e.getMessage(), e);
            }
        }
        if (value instanceof Map<?, ?>) {
            Map<String, Object> map = Trees.map(value);
            for (Map.Entry<String, Object> e : map.entrySet()) {
                e.setValue(walk(e.getValue(), pointer + "/" + YamlReader.escape(e.getKey()), doc, lookup));
            }
            return map;
        }
        if (value instanceof List<?>) {
            List<Object> list = Trees.list(value);
            for (int i = 0; i < list.size(); i++) {
                list.set(i, walk(list.get(i), pointer + "/" + i, doc, lookup));
            }
            return list;
        }
        return value;
    }
}
