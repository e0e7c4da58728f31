package io.p4n4.benchmarks.influx;

import io.p4n4.api.clients.influx.Point;
import io.p4n4.api.clients.influx.WritePrecision;
import io.p4n4.clients.internal.influx.LineProtocolEncoder;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Line-protocol serialization, points per second: build a typical IoT point (3 tags, one needing
 * escaping, a float, an integer, a string, a nanosecond timestamp) and turn it into line protocol,
 * with p4n4's {@link Point} + {@link LineProtocolEncoder} and with the official client's
 * {@code Point.toLineProtocol()}. Both produce the same line (checked in setup; fields are added in
 * key order because the official client sorts them). Run:
 * {@code java -jar p4n4-lib-benchmarks/target/benchmarks.jar LineProtocolBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class LineProtocolBenchmark {
    private static final int VARIANTS = 1024;
    private final String[] devices = new String[VARIANTS];
    private final double[] values = new double[VARIANTS];
    private final StringBuilder buffer = new StringBuilder(256);
    private int i;
    private long time = 1_700_000_000_000_000_000L;

    /** Prepares inputs and checks both clients write the same line. */
    @Setup
    public void setUp() {
        for (int k = 0; k < VARIANTS; k++) {
            devices[k] = "sensor-" + k;
            values[k] = k * 0.25 + 20.125;
        }
        String ours = LineProtocolEncoder.encode(p4n4Point(0, time), WritePrecision.NS);
        String theirs = officialPoint(0, time).toLineProtocol();
        if (!ours.equals(theirs)) {
            throw new IllegalStateException("the clients disagree:\n  p4n4:     " + ours + "\n  official: " + theirs);
        }
    }

    private Point p4n4Point(int k, long t) {
        return Point.builder("environment").tag("site", "plant 1").tag("device", devices[k]).tag("room", "hall")
                .field("rssi", -67L).field("state", "ok").field("temperature", values[k])
                .time(t, WritePrecision.NS).build();
    }

    private com.influxdb.client.write.Point officialPoint(int k, long t) {
        return com.influxdb.client.write.Point.measurement("environment").addTag("site", "plant 1")
                .addTag("device", devices[k]).addTag("room", "hall").addField("rssi", -67L)
                .addField("state", "ok").addField("temperature", values[k])
                .time(t, com.influxdb.client.domain.WritePrecision.NS);
    }

    /** p4n4: build the point and append its line to a reused buffer (as the batching writer does). */
    @Benchmark
    public int p4n4() {
        int k = i++ & (VARIANTS - 1);
        buffer.setLength(0);
        LineProtocolEncoder.append(buffer, p4n4Point(k, time++), WritePrecision.NS);
        return buffer.length();
    }

    /** The official client: build the point and call {@code toLineProtocol()}. */
    @Benchmark
    public int official() {
        int k = i++ & (VARIANTS - 1);
        return officialPoint(k, time++).toLineProtocol().length();
    }
}
