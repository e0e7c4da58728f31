package io.p4n4.it.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the {@code ```java} blocks of Markdown files. Stateless. */
final class MarkdownSnippets {
    private static final Pattern OPEN = Pattern.compile("^(\\s*)```java\\s*$");
    private static final Pattern CLOSE = Pattern.compile("^\\s*```\\s*$");
    private static final Pattern GIVEN = Pattern.compile("^\\s*<!--\\s*given:(.*)-->\\s*$");

    private MarkdownSnippets() {
    }

    /** Returns every {@code ```java} block of {@code file}, in order. */
    static List<MarkdownSnippet> read(Path file) {
        List<String> text;
        try {
            text = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        List<MarkdownSnippet> found = new ArrayList<>();
        for (int i = 0; i < text.size(); i++) {
            Matcher open = OPEN.matcher(text.get(i));
            if (!open.matches()) {
                continue;
            }
            int indent = open.group(1).length();
            List<String> code = new ArrayList<>();
            int j = i + 1;
            while (j < text.size() && !CLOSE.matcher(text.get(j)).matches()) {
                code.add(unindent(text.get(j), indent));
                j++;
            }
            if (j == text.size()) {
                throw new IllegalStateException(file + ":" + (i + 1) + ": ```java block is never closed");
            }
            found.add(new MarkdownSnippet(file, i + 1, code, given(i > 0 ? text.get(i - 1) : "")));
            i = j;
        }
        return found;
    }

    private static List<String> given(String lineAbove) {
        Matcher m = GIVEN.matcher(lineAbove);
        if (!m.matches()) {
            return List.of();
        }
        return Arrays.stream(m.group(1).split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String unindent(String line, int indent) {
        int n = 0;
        while (n < indent && n < line.length() && line.charAt(n) == ' ') {
            n++;
        }
        return line.substring(n);
    }
}
