package io.p4n4.core.manifest.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Maps JSON pointers of a document to the line and column where their value starts, so schema errors
 * can point into the file. Built once per document; not thread-safe.
 */
public final class JsonLocations {
    private final Map<String, int[]> marks = new HashMap<>();

    private JsonLocations() {
    }

    /** Indexes {@code json}; an unreadable document gives an empty index. */
    public static JsonLocations of(String json) {
        JsonLocations index = new JsonLocations();
        try (JsonParser p = new JsonFactory().createParser(json)) {
            index.walk(p);
        } catch (IOException e) {
            // syntax errors are reported by the reader with their own location
        }
        return index;
    }

    /** One open object or array: its current member name or element index. */
    private static final class Frame {
        final boolean array;
        String segment = "";
        int index = -1;

        Frame(boolean array) {
            this.array = array;
        }
    }

    private void walk(JsonParser p) throws IOException {
        Deque<Frame> open = new ArrayDeque<>();
        JsonToken t;
        while ((t = p.nextToken()) != null) {
            if (t == JsonToken.FIELD_NAME) {
                open.peekLast().segment = p.currentName();
                continue;
            }
            if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                open.removeLast();
                continue;
            }
            Frame parent = open.peekLast();
            if (parent != null && parent.array) {
                parent.index++;
                parent.segment = Integer.toString(parent.index);
            }
            JsonLocation loc = p.currentTokenLocation();
            marks.putIfAbsent(pointer(open), new int[] {loc.getLineNr(), loc.getColumnNr()});
            if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                open.addLast(new Frame(t == JsonToken.START_ARRAY));
            }
        }
    }

    private static String pointer(Deque<Frame> open) {
        StringBuilder sb = new StringBuilder();
        for (Frame f : open) {
            sb.append('/').append(f.segment.replace("~", "~0").replace("/", "~1"));
        }
        return sb.toString();
    }

    /** Returns {line, column} of the value at {@code pointer} (1-based), or {0, 0} if unknown. */
    public int[] find(String pointer) {
        int[] mark = marks.get(pointer);
        return mark == null ? new int[] {0, 0} : mark.clone();
    }
}
