package io.p4n4.cli.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import java.io.PrintWriter;

/**
 * Prints {@code --json} output: a command that answers once prints one indented document; a command that
 * streams (progress, {@code logs}) prints JSON lines, one compact object per line, flushed at once.
 */
public final class Json {
    private static final ObjectMapper PRETTY = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final ObjectMapper COMPACT = JsonMapper.builder().build();

    private Json() {
    }

    /** Prints {@code value} as one indented JSON document. */
    public static void printDocument(PrintWriter out, Object value) {
        out.println(write(PRETTY, value));
        out.flush();
    }

    /** Prints {@code value} as one JSON line. Safe to call from several threads on the same writer. */
    public static void printLine(PrintWriter out, Object value) {
        String line = write(COMPACT, value);
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }

    private static String write(ObjectMapper mapper, Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new P4n4Exception(ErrorCode.GENERAL, "cannot format the output as JSON: " + e.getOriginalMessage(), e);
        }
    }
}
