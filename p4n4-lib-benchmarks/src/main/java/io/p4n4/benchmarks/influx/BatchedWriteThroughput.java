package io.p4n4.benchmarks.influx;

import com.influxdb.client.InfluxDBClient;
import com.influxdb.client.InfluxDBClientFactory;
import com.influxdb.client.write.events.BackpressureEvent;
import com.influxdb.client.write.events.WriteErrorEvent;
import io.p4n4.api.clients.influx.DroppedBatch;
import io.p4n4.api.clients.influx.InfluxClient;
import io.p4n4.api.clients.influx.Point;
import io.p4n4.api.clients.influx.WriteApi;
import io.p4n4.api.clients.influx.WriteListener;
import io.p4n4.api.clients.influx.WriteOptions;
import io.p4n4.api.clients.influx.WritePrecision;
import io.p4n4.clients.ClientFactory;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sustained batched writes into a loopback {@link LineSink}: one producer thread writes N points as
 * fast as the writer accepts them, then closes the writer (which flushes). Reports points/s from
 * the first write to the end of {@code close()}, points lost (written minus counted by the sink,
 * must be 0) and the peak live heap (sum of heap pools after GC, sampled every 10 ms).
 *
 * <p>Run: {@code java -Xmx256m -cp p4n4-lib-benchmarks/target/benchmarks.jar
 * io.p4n4.benchmarks.influx.BatchedWriteThroughput [p4n4|official|both] [points] [rounds]}.
 * Both clients use batches of 5000 points, a 1 s flush interval and a 50 000-point buffer.
 */
public final class BatchedWriteThroughput {
    private static final int BATCH = 5_000;
    private static final int BUFFER = 50_000;

    private BatchedWriteThroughput() {
    }

    /** Runs the comparison. */
    public static void main(String[] args) throws Exception {
        String which = args.length > 0 ? args[0] : "both";
        long points = args.length > 1 ? Long.parseLong(args[1]) : 2_000_000L;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        try (LineSink sink = new LineSink()) {
            // warm-up round for each client, not reported
            if (!"official".equals(which)) {
                p4n4(sink, Math.min(points, 200_000));
            }
            if (!"p4n4".equals(which)) {
                official(sink, Math.min(points, 200_000));
            }
            for (int r = 1; r <= rounds; r++) {
                if (!"official".equals(which)) {
                    report("p4n4", r, points, p4n4(sink, points));
                }
                if (!"p4n4".equals(which)) {
                    report("official", r, points, official(sink, points));
                }
            }
        }
    }

    record Result(double seconds, long received, long droppedReported, long peakHeapBytes) {
    }

    static Result p4n4(LineSink sink, long n) throws InterruptedException {
        sink.reset();
        AtomicLong dropped = new AtomicLong();
        HeapSampler heap = HeapSampler.start();
        long started;
        long ended;
        try (ClientFactory clients = ClientFactory.create();
                InfluxClient influx = clients.influx().baseUrl(sink.url()).token("bench-token").org("bench")
                        .bucket("bench").build()) {
            WriteApi writer = influx.newWriteApi(WriteOptions.builder().batchSize(BATCH).bufferLimit(BUFFER)
                    .listener(new WriteListener() {
                        @Override
                        public void onDropped(DroppedBatch batch) {
                            dropped.addAndGet(batch.points());
                        }
                    }).build());
            started = System.nanoTime();
            long t = 1_700_000_000_000_000_000L;
            for (long k = 0; k < n; k++) {
                writer.write(Point.builder("environment").tag("site", "plant 1").tag("device", DEVICES[(int) (k & 1023)])
                        .field("temperature", 20.125 + (k & 255) * 0.25).field("rssi", -67L)
                        .time(t + k, WritePrecision.NS).build());
            }
            writer.close();
            ended = System.nanoTime();
        }
        return new Result((ended - started) / 1e9, sink.lines(), dropped.get(), heap.stop());
    }

    static Result official(LineSink sink, long n) throws InterruptedException {
        sink.reset();
        AtomicLong dropped = new AtomicLong();
        HeapSampler heap = HeapSampler.start();
        long started;
        long ended;
        InfluxDBClient client = InfluxDBClientFactory.create(sink.url(), "bench-token".toCharArray(), "bench", "bench");
        try {
            com.influxdb.client.WriteApi writer = client.makeWriteApi(com.influxdb.client.WriteOptions.builder()
                    .batchSize(BATCH).flushInterval(1_000).bufferLimit(BUFFER).jitterInterval(0).build());
            writer.listenEvents(BackpressureEvent.class, e -> dropped.addAndGet(BATCH));
            writer.listenEvents(WriteErrorEvent.class, e -> System.err.println("official write error: " + e.getThrowable()));
            started = System.nanoTime();
            long t = 1_700_000_000_000_000_000L;
            for (long k = 0; k < n; k++) {
                writer.writePoint(com.influxdb.client.write.Point.measurement("environment").addTag("site", "plant 1")
                        .addTag("device", DEVICES[(int) (k & 1023)]).addField("temperature", 20.125 + (k & 255) * 0.25)
                        .addField("rssi", -67L).time(t + k, com.influxdb.client.domain.WritePrecision.NS));
            }
            writer.close(); // flushes
            ended = System.nanoTime();
        } finally {
            client.close();
        }
        return new Result((ended - started) / 1e9, sink.lines(), dropped.get(), heap.stop());
    }

    private static final String[] DEVICES = new String[1024];

    static {
        for (int k = 0; k < DEVICES.length; k++) {
            DEVICES[k] = "sensor-" + k;
        }
    }

    private static void report(String client, int round, long n, Result r) {
        System.out.printf(Locale.ROOT, "%-9s round %d: %,d points in %.2f s = %,.0f points/s, lost %,d"
                + " (reported dropped %,d), peak live heap %.1f MB%n", client, round, n, r.seconds(),
                n / r.seconds(), n - r.received(), r.droppedReported(), r.peakHeapBytes() / 1048576.0);
    }

    /** Samples the heap that survived the last GC, the honest measure of what a writer keeps. */
    static final class HeapSampler implements Runnable {
        private final Thread thread = new Thread(this, "heap-sampler");
        private volatile boolean running = true;
        private volatile long peak;

        static HeapSampler start() {
            System.gc();
            HeapSampler s = new HeapSampler();
            s.thread.setDaemon(true);
            s.thread.start();
            return s;
        }

        @Override
        public void run() {
            while (running) {
                long live = 0;
                for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                    if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null) {
                        live += pool.getCollectionUsage().getUsed();
                    }
                }
                peak = Math.max(peak, live);
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        long stop() throws InterruptedException {
            running = false;
            thread.join();
            return peak;
        }
    }
}
