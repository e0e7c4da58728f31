package io.p4n4.benchmarks.influx;

import io.p4n4.api.clients.influx.Point;
import io.p4n4.api.clients.influx.WritePrecision;
import io.p4n4.clients.internal.influx.LineProtocolEncoder;
import java.util.Locale;

/**
 * The {@link LineProtocolBenchmark} work (build a point, make its line) for both clients in
 * alternating slices of 200 000 points inside one JVM, so a shared machine's changing load hits both
 * equally. Reports points/s of each over the measured slices and their ratio. Run:
 * {@code java -cp p4n4-lib-benchmarks/target/benchmarks.jar io.p4n4.benchmarks.influx.LineProtocolInterleaved [rounds]}.
 */
public final class LineProtocolInterleaved {
    private static final int SLICE = 200_000;
    private static final String[] DEVICES = new String[1024];
    private static final double[] VALUES = new double[1024];
    private static long sink;

    static {
        for (int k = 0; k < DEVICES.length; k++) {
            DEVICES[k] = "sensor-" + k;
            VALUES[k] = k * 0.25 + 20.125;
        }
    }

    private LineProtocolInterleaved() {
    }

    /** Runs 10 warm-up rounds, then {@code rounds} measured ones (default 30). */
    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        StringBuilder sb = new StringBuilder(256);
        long ours = 0;
        long theirs = 0;
        for (int r = 0; r < 10 + rounds; r++) {
            long t0 = System.nanoTime();
            sink += p4n4(sb, r);
            long t1 = System.nanoTime();
            sink += official(r);
            long t2 = System.nanoTime();
            if (r >= 10) {
                ours += t1 - t0;
                theirs += t2 - t1;
            }
        }
        double points = (double) rounds * SLICE;
        System.out.printf(Locale.ROOT, "p4n4 %,.0f points/s, official %,.0f points/s, ratio %.2f (checksum %d)%n",
                points / (ours / 1e9), points / (theirs / 1e9), (double) theirs / ours, sink & 0xff);
    }

    private static long p4n4(StringBuilder sb, long t) {
        long s = 0;
        for (int i = 0; i < SLICE; i++) {
            int k = i & 1023;
            sb.setLength(0);
            LineProtocolEncoder.append(sb, Point.builder("environment").tag("site", "plant 1").tag("device", DEVICES[k])
                    .tag("room", "hall").field("rssi", -67L).field("state", "ok").field("temperature", VALUES[k])
                    .time(t + i, WritePrecision.NS).build(), WritePrecision.NS);
            s += sb.length();
        }
        return s;
    }

    private static long official(long t) {
        long s = 0;
        for (int i = 0; i < SLICE; i++) {
            int k = i & 1023;
            s += com.influxdb.client.write.Point.measurement("environment").addTag("site", "plant 1")
                    .addTag("device", DEVICES[k]).addTag("room", "hall").addField("rssi", -67L).addField("state", "ok")
                    .addField("temperature", VALUES[k]).time(t + i, com.influxdb.client.domain.WritePrecision.NS)
                    .toLineProtocol().length();
        }
        return s;
    }
}
