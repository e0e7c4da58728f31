package io.p4n4.it.docs;

import java.nio.file.Path;
import java.util.List;

/**
 * One {@code ```java} block of a Markdown file: its code lines (fence indentation removed), where the
 * first of them is in the file, and the variables the block uses without declaring them (the
 * {@code <!-- given: Type name; Type name -->} comment on the line just above the fence).
 *
 * @param file the Markdown file
 * @param fenceLine the 1-based line of the opening fence
 * @param lines the code lines; line {@code i} is line {@code fenceLine + 1 + i} of the file
 * @param given the declarations of the given variables ({@code "Path workspace"}), in order
 */
record MarkdownSnippet(Path file, int fenceLine, List<String> lines, List<String> given) {
    MarkdownSnippet {
        lines = List.copyOf(lines);
        given = List.copyOf(given);
    }

    /** Returns the 1-based line of the file holding code line {@code index}. */
    int fileLine(int index) {
        return fenceLine + 1 + index;
    }

    /** Returns the line of the given comment, or the fence's when there is none. */
    int givenLine() {
        return given.isEmpty() ? fenceLine : fenceLine - 1;
    }
}
