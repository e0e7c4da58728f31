package io.p4n4.podman.internal.libpod;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MultiplexedLogReaderTest {
    private static byte[] frame(int stream, String text) {
        byte[] p = text.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[8 + p.length];
        out[0] = (byte) stream;
        out[4] = (byte) (p.length >>> 24);
        out[5] = (byte) (p.length >>> 16);
        out[6] = (byte) (p.length >>> 8);
        out[7] = (byte) p.length;
        System.arraycopy(p, 0, out, 8, p.length);
        return out;
    }

    private static List<String> read(byte[] body) throws Exception {
        List<String> got = new ArrayList<>();
        new MultiplexedLogReader(new ByteArrayInputStream(body)).readAll((s, line) -> got.add(s + ":" + line));
        return got;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    @Test
    void linesSpanningFramesAreJoinedPerStream() throws Exception {
        byte[] body = concat(frame(1, "hel"), frame(2, "warn"), frame(1, "lo\nsecond\nthi"), frame(2, "ing\n"),
                frame(1, "rd"));
        assertThat(read(body)).containsExactly("STDOUT:hello", "STDOUT:second", "STDERR:warning", "STDOUT:third");
    }

    @Test
    void carriageReturnsAndUtf8AreHandled() throws Exception {
        byte[] body = frame(1, "grüße\r\n");
        assertThat(read(body)).containsExactly("STDOUT:grüße");
    }

    @Test
    void aBodyWithoutFrameHeadersIsATtyStreamReadAsStdout() throws Exception {
        assertThat(read("plain output\nline two\n".getBytes(StandardCharsets.UTF_8)))
                .containsExactly("STDOUT:plain output", "STDOUT:line two");
    }

    @Test
    void emptyBodyGivesNoLines() throws Exception {
        assertThat(read(new byte[0])).isEmpty();
    }

    @Test
    void aTruncatedLastFrameStillDeliversWhatArrived() throws Exception {
        byte[] whole = frame(1, "complete\npartial-line-cut");
        byte[] cut = java.util.Arrays.copyOf(whole, whole.length - 4);
        assertThat(read(cut)).containsExactly("STDOUT:complete", "STDOUT:partial-line");
    }

    @Test
    void theHandlerCanStopReading() throws Exception {
        List<String> got = new ArrayList<>();
        new MultiplexedLogReader(new ByteArrayInputStream(frame(1, "a\nb\nc\n"))).readAll((s, line) -> {
            got.add(line);
            return !line.equals("b");
        });
        assertThat(got).containsExactly("a", "b");
    }
}
