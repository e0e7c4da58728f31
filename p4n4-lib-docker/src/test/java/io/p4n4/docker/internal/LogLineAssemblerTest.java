package io.p4n4.docker.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.p4n4.api.engine.LogLine;
import io.p4n4.api.engine.LogStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogLineAssemblerTest {

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void joinsFramesSplitMidLineAndKeepsStreamsApart() {
        LogLineAssembler a = new LogLineAssembler(false);
        assertThat(a.add(LogStream.STDOUT, b("hel"))).isEmpty();
        assertThat(a.add(LogStream.STDERR, b("oops\n"))).containsExactly(new LogLine(LogStream.STDERR, null, "oops"));
        assertThat(a.add(LogStream.STDOUT, b("lo\nwor"))).containsExactly(new LogLine(LogStream.STDOUT, null, "hello"));
        assertThat(a.flush()).containsExactly(new LogLine(LogStream.STDOUT, null, "wor"));
        assertThat(a.flush()).isEmpty();
    }

    @Test
    void splitsOffTheTimestampWhenAskedFor() {
        LogLineAssembler a = new LogLineAssembler(true);
        List<LogLine> lines = a.add(LogStream.STDOUT, b("2026-11-22T07:00:01.123456789Z started ok\r\n"));
        assertThat(lines).containsExactly(
                new LogLine(LogStream.STDOUT, Instant.parse("2026-11-22T07:00:01.123456789Z"), "started ok"));
    }

    @Test
    void keepsALineWholeWhenItHasNoTimestamp() {
        LogLineAssembler a = new LogLineAssembler(true);
        assertThat(a.add(LogStream.STDOUT, b("no stamp here\n")))
                .containsExactly(new LogLine(LogStream.STDOUT, Instant.EPOCH, "no stamp here"));
    }
}
