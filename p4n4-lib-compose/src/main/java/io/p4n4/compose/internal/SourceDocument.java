package io.p4n4.compose.internal;

import java.nio.file.Path;
import java.util.Map;

/**
 * One parsed compose file: its tree (maps, lists, scalars, {@link Tagged} values), where each value
 * came from (JSON pointer to line and column), and the directory its relative paths resolve against.
 *
 * @param file the file, or a virtual name for in-memory content
 * @param baseDir the directory relative paths in this document resolve against
 * @param tree the document's root mapping (mutable while the loader works on it)
 * @param marks JSON pointer of each node to its 1-based {line, column}
 */
public record SourceDocument(Path file, Path baseDir, Map<String, Object> tree, Map<String, int[]> marks) {

    /** Returns the {line, column} of the node at {@code pointer}, or of its nearest located parent. */
    public int[] mark(String pointer) {
        String p = pointer;
        while (true) {
            int[] m = marks.get(p);
            if (m != null) {
                return m;
            }
            if (p.isEmpty()) {
                return new int[] {0, 0};
            }
            int slash = p.lastIndexOf('/');
            p = slash <= 0 ? "" : p.substring(0, slash);
        }
    }
}
