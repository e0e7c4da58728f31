package io.p4n4.compose.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Short-syntax readers: ports, volumes, durations, shell words. */
class SyntaxTest {

    @Test
    void portsWithHostIpIpv6UdpAndPublishedRange() {
        assertThat(PortSyntax.expand("127.0.0.1:8080:80")).containsExactly(
                Map.of("mode", "ingress", "host_ip", "127.0.0.1", "target", 80L, "published", "8080", "protocol", "tcp"));
        assertThat(PortSyntax.expand("[::1]:53:53/udp")).containsExactly(
                Map.of("mode", "ingress", "host_ip", "::1", "target", 53L, "published", "53", "protocol", "udp"));
        // a published range onto one container port stays one entry
        assertThat(PortSyntax.expand("8000-8010:80")).containsExactly(
                Map.of("mode", "ingress", "target", 80L, "published", "8000-8010", "protocol", "tcp"));
        assertThat(PortSyntax.expand("3000-3002")).extracting(m -> m.get("target")).containsExactly(3000L, 3001L, 3002L);
        assertThatThrownBy(() -> PortSyntax.expand("80-81:90-92")).hasMessageContaining("same length");
        assertThatThrownBy(() -> PortSyntax.expand("70000")).hasMessageContaining("not a port number");
    }

    @Test
    void volumesShortSyntaxModes() {
        Map<String, Object> bind = VolumeSyntax.normalize("./data:/data:ro,z", p -> "/abs/" + p.substring(2));
        assertThat(bind).containsEntry("type", "bind").containsEntry("source", "/abs/data")
                .containsEntry("target", "/data").containsEntry("read_only", true)
                .containsEntry("bind", Map.of("selinux", "z", "create_host_path", true));
        assertThat(VolumeSyntax.normalize("cache:/cache:nocopy", p -> p))
                .isEqualTo(Map.of("type", "volume", "source", "cache", "target", "/cache", "volume", Map.of("nocopy", true)));
        assertThat(VolumeSyntax.normalize("/anon", p -> p)).isEqualTo(Map.of("type", "volume", "target", "/anon"));
        assertThatThrownBy(() -> VolumeSyntax.normalize("data:/b:bogus", p -> p)).hasMessageContaining("unknown mode 'bogus'");
    }

    @Test
    void durationsRoundTripInGoNotation() {
        assertThat(GoDuration.parse("1h2m3.5s")).isEqualTo(Duration.ofSeconds(3723, 500_000_000));
        assertThat(GoDuration.format(Duration.ofSeconds(3723, 500_000_000))).isEqualTo("1h2m3.5s");
        assertThat(GoDuration.format(Duration.ofMillis(250))).isEqualTo("250ms");
        assertThat(GoDuration.format(Duration.ofNanos(1500))).isEqualTo("1.5µs");
        assertThat(GoDuration.format(Duration.ofMinutes(1))).isEqualTo("1m0s");
        assertThat(GoDuration.format(Duration.ZERO)).isEqualTo("0s");
        assertThat(GoDuration.parse("0")).isEqualTo(Duration.ZERO);
        assertThatThrownBy(() -> GoDuration.parse("10 seconds")).hasMessageContaining("not a duration");
    }

    @Test
    void shellWordsHandleQuotesAndEscapes() {
        assertThat(ShellWords.split("echo 'a b' \"c \\\"d\\\"\" e\\ f")).isEqualTo(List.of("echo", "a b", "c \"d\"", "e f"));
        assertThat(ShellWords.split("  ")).isEmpty();
        assertThatThrownBy(() -> ShellWords.split("echo 'open")).hasMessageContaining("unterminated single quote");
    }
}
