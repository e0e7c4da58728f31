package io.p4n4.clients.internal.influx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import io.p4n4.api.ServiceException;
import io.p4n4.api.clients.RetryPolicy;
import io.p4n4.api.clients.influx.DroppedBatch;
import io.p4n4.api.clients.influx.InfluxClient;
import io.p4n4.api.clients.influx.OverflowPolicy;
import io.p4n4.api.clients.influx.Point;
import io.p4n4.api.clients.influx.WriteApi;
import io.p4n4.api.clients.influx.WriteListener;
import io.p4n4.api.clients.influx.WriteOptions;
import io.p4n4.api.clients.influx.WritePrecision;
import io.p4n4.api.clients.influx.WriteStats;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;
import io.p4n4.clients.ClientFactory;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BatchingWriteApiTest {
    private static final RetryPolicy FAST_RETRIES = new RetryPolicy(10, Duration.ofMillis(5), Duration.ofMillis(50),
            2.0, 0.5);

    private MockWebServer server;
    private ClientFactory clients;
    private InfluxClient client;
    private final List<DroppedBatch> drops = new CopyOnWriteArrayList<>();
    private final AtomicInteger retries = new AtomicInteger();
    private final WriteListener listener = new WriteListener() {
        @Override
        public void onRetry(int points, int retry, Duration delay, ServiceException cause) {
            retries.incrementAndGet();
        }

        @Override
        public void onDropped(DroppedBatch batch) {
            drops.add(batch);
        }
    };

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
        clients = ClientFactory.create();
        client = clients.influx().baseUrl(server.url("/").toString()).token("tok").org("ming")
                .bucket("raw_telemetry").readTimeout(Duration.ofSeconds(10)).build();
    }

    @AfterEach
    void stop() throws IOException {
        client.close();
        server.shutdown();
        clients.close();
    }

    private WriteOptions.Builder options() {
        return WriteOptions.builder().retryPolicy(FAST_RETRIES).listener(listener).closeTimeout(Duration.ofSeconds(20));
    }

    private static Point point(int i) {
        return Point.builder("temp").tag("device", "d" + (i % 7)).field("seq", (long) i).field("value", i * 0.5)
                .time(1_700_000_000_000L + i, WritePrecision.MS).build();
    }

    static String body(RecordedRequest r) {
        byte[] raw = r.getBody().readByteArray();
        if ("gzip".equals(r.getHeader("Content-Encoding"))) {
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
                raw = in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new String(raw, StandardCharsets.UTF_8);
    }

    static List<String> lines(String body) {
        List<String> out = new ArrayList<>();
        for (String l : body.split("\n")) {
            if (!l.isEmpty()) {
                out.add(l);
            }
        }
        return out;
    }

    /** Accepts writes, storing every line it acknowledged; fails some requests as InfluxDB does under load. */
    static final class FlakyInflux extends Dispatcher {
        final List<String> stored = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger requests = new AtomicInteger();

        @Override
        public MockResponse dispatch(RecordedRequest request) {
            int n = requests.incrementAndGet();
            if (n % 5 == 1) {
                return new MockResponse().setResponseCode(503).setHeader("Retry-After", "0")
                        .setBody(InfluxPayloads.UNAVAILABLE);
            }
            if (n % 7 == 3) {
                return new MockResponse().setResponseCode(429).setBody("{\"code\":\"too many requests\","
                        + "\"message\":\"org 9a5c1e3ab8d64c4b has exceeded limited_write plan limit\"}");
            }
            if (n % 11 == 4) {
                return new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST);
            }
            stored.addAll(lines(body(request)));
            return new MockResponse().setResponseCode(204);
        }
    }

    @Test
    void closeWritesEveryPointExactlyOnceAcrossRetries503sAndDisconnects() {
        FlakyInflux influx = new FlakyInflux();
        server.setDispatcher(influx);
        int n = 20_000;
        WriteApi writer = client.newWriteApi(options().batchSize(500).bufferLimit(2_000).gzip(true)
                .precision(WritePrecision.MS).build());
        for (int i = 0; i < n; i++) {
            writer.write(point(i));
        }
        writer.close();

        assertThat(drops).isEmpty();
        assertThat(influx.stored).hasSize(n);
        Set<String> unique = ConcurrentHashMap.newKeySet();
        unique.addAll(influx.stored);
        assertThat(unique).hasSize(n);
        assertThat(influx.stored.get(0)).isEqualTo("temp,device=d0 seq=0i,value=0 1700000000000");
        assertThat(retries.get()).isPositive();
        WriteStats stats = writer.stats();
        assertThat(stats.accepted()).isEqualTo(n);
        assertThat(stats.written()).isEqualTo(n);
        assertThat(stats.dropped()).isZero();
        assertThat(stats.buffered()).isZero();
        assertThat(stats.retries()).isEqualTo(retries.get());
    }

    @Test
    void concurrentWritersLoseNothing() throws InterruptedException {
        FlakyInflux influx = new FlakyInflux();
        server.setDispatcher(influx);
        WriteApi writer = client.newWriteApi(options().batchSize(500).bufferLimit(2_000).build());
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int base = t * 5_000;
            Thread th = new Thread(() -> {
                for (int i = 0; i < 5_000; i++) {
                    writer.write(point(base + i));
                }
            });
            threads.add(th);
            th.start();
        }
        for (Thread th : threads) {
            th.join();
        }
        writer.close();
        assertThat(Set.copyOf(influx.stored)).hasSize(20_000);
        assertThat(influx.stored).hasSize(20_000);
    }

    @Test
    void retryWaitsAsLongAsRetryAfterAsks() throws InterruptedException {
        server.enqueue(new MockResponse().setResponseCode(503).setHeader("Retry-After", "1")
                .setBody(InfluxPayloads.UNAVAILABLE));
        server.enqueue(new MockResponse().setResponseCode(204));
        WriteApi writer = client.newWriteApi(options().retryPolicy(new RetryPolicy(3, Duration.ofMillis(10),
                Duration.ofSeconds(5), 2.0, 0.0)).build());
        writer.writeRecord("m v=1i");
        writer.flush();
        RecordedRequest first = server.takeRequest();
        RecordedRequest second = server.takeRequest();
        assertThat(body(first)).isEqualTo(body(second)).isEqualTo("m v=1i\n");
        assertThat(retries.get()).isEqualTo(1);
        assertThat(writer.stats().written()).isEqualTo(1);
        writer.close();
    }

    @Test
    void retryAfterIsHonouredInTime() {
        List<Long> arrivals = new CopyOnWriteArrayList<>();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                arrivals.add(System.nanoTime());
                return arrivals.size() == 1
                        ? new MockResponse().setResponseCode(503).setHeader("Retry-After", "1")
                        : new MockResponse().setResponseCode(204);
            }
        });
        WriteApi writer = client.newWriteApi(options().retryPolicy(new RetryPolicy(3, Duration.ofMillis(10),
                Duration.ofSeconds(5), 2.0, 0.0)).build());
        writer.writeRecord("m v=1i");
        writer.flush();
        assertThat(arrivals).hasSize(2);
        assertThat(Duration.ofNanos(arrivals.get(1) - arrivals.get(0))).isGreaterThanOrEqualTo(Duration.ofMillis(950));
        writer.close();
    }

    @Test
    void fullBatchesAreSentWithoutWaitingForTheInterval() throws InterruptedException {
        server.setDispatcher(okDispatcher());
        WriteApi writer = client.newWriteApi(options().batchSize(3).flushInterval(Duration.ofHours(1)).build());
        for (int i = 0; i < 7; i++) {
            writer.writeRecord("m v=" + i + "i");
        }
        assertThat(lines(body(server.takeRequest(5, TimeUnit.SECONDS)))).containsExactly("m v=0i", "m v=1i", "m v=2i");
        assertThat(lines(body(server.takeRequest(5, TimeUnit.SECONDS)))).containsExactly("m v=3i", "m v=4i", "m v=5i");
        assertThat(server.takeRequest(300, TimeUnit.MILLISECONDS)).isNull(); // the 7th waits for its batch
        writer.flush();
        assertThat(lines(body(server.takeRequest(5, TimeUnit.SECONDS)))).containsExactly("m v=6i");
        writer.close();
    }

    @Test
    void aPartialBatchIsSentWhenTheFlushIntervalPasses() throws InterruptedException {
        server.setDispatcher(okDispatcher());
        WriteApi writer = client.newWriteApi(options().batchSize(1000).flushInterval(Duration.ofMillis(300)).build());
        long started = System.nanoTime();
        writer.writeRecords(List.of("a v=1i", "b v=2i"));
        RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(r).isNotNull();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(250));
        assertThat(lines(body(r))).containsExactly("a v=1i", "b v=2i");
        writer.close();
    }

    @Test
    void gzipCompressesTheBodyAndSaysSo() throws InterruptedException {
        server.setDispatcher(okDispatcher());
        WriteApi writer = client.newWriteApi(options().gzip(true).bucket("sandbox").precision(WritePrecision.S)
                .build());
        writer.write(Point.builder("m").field("v", 1L).time(5, WritePrecision.S).build());
        writer.close();
        RecordedRequest r = server.takeRequest();
        assertThat(r.getHeader("Content-Encoding")).isEqualTo("gzip");
        assertThat(r.getRequestUrl().queryParameter("bucket")).isEqualTo("sandbox");
        assertThat(r.getRequestUrl().queryParameter("precision")).isEqualTo("s");
        assertThat(r.getHeader("Authorization")).isEqualTo("Token tok");
        assertThat(body(r)).isEqualTo("m v=1i 5\n");
    }

    @Test
    void aRejectedBatchIsReportedWithItsLinesAndNotRetried() {
        server.enqueue(new MockResponse().setResponseCode(400).setBody(InfluxPayloads.PARSE_ERROR));
        WriteApi writer = client.newWriteApi(options().build());
        writer.writeRecords(List.of("temp value=", "temp value=2"));
        writer.close();
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(drops).singleElement().satisfies(d -> {
            assertThat(d.reason()).isEqualTo(DroppedBatch.Reason.REJECTED);
            assertThat(d.points()).isEqualTo(2);
            assertThat(d.lineProtocol()).isEqualTo("temp value=\ntemp value=2\n");
            assertThat(((ServiceException) d.cause()).code()).isEqualTo(ErrorCode.VALIDATION);
            assertThat(((ServiceException) d.cause()).serverMessage()).hasValueSatisfying(m -> assertThat(m)
                    .contains("missing field value"));
        });
        assertThat(writer.stats().dropped()).isEqualTo(2);
    }

    @Test
    void aBatchIsDroppedAfterTheLastAttempt() {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse().setResponseCode(503).setBody(InfluxPayloads.UNAVAILABLE);
            }
        });
        WriteApi writer = client.newWriteApi(options().retryPolicy(new RetryPolicy(3, Duration.ofMillis(5),
                Duration.ofMillis(20), 2.0, 0.0)).build());
        writer.writeRecord("m v=1i");
        writer.close();
        assertThat(server.getRequestCount()).isEqualTo(3);
        assertThat(drops).singleElement().satisfies(d -> {
            assertThat(d.reason()).isEqualTo(DroppedBatch.Reason.RETRIES_EXHAUSTED);
            assertThat(((ServiceException) d.cause()).code()).isEqualTo(ErrorCode.NETWORK);
            assertThat(((ServiceException) d.cause()).status()).isEqualTo(503);
        });
    }

    @Test
    void dropNewestReportsTheIncomingPointsWhenFull() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        server.setDispatcher(stalling(release));
        WriteApi writer = client.newWriteApi(options().batchSize(5).bufferLimit(10)
                .overflowPolicy(OverflowPolicy.DROP_NEWEST).build());
        for (int i = 0; i < 20; i++) {
            writer.writeRecord("m v=" + i + "i");
        }
        release.countDown();
        writer.close();
        assertThat(drops).hasSize(10).allSatisfy(d -> assertThat(d.reason()).isEqualTo(DroppedBatch.Reason.OVERFLOW));
        assertThat(drops.get(0).lineProtocol()).isEqualTo("m v=10i\n");
        WriteStats s = writer.stats();
        assertThat(s.accepted()).isEqualTo(20);
        assertThat(s.written()).isEqualTo(10);
        assertThat(s.dropped()).isEqualTo(10);
    }

    @Test
    void dropOldestDiscardsTheOldestWaitingBatch() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        List<String> stored = new CopyOnWriteArrayList<>();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                release.await(10, TimeUnit.SECONDS);
                stored.addAll(lines(body(request)));
                return new MockResponse().setResponseCode(204);
            }
        });
        WriteApi writer = client.newWriteApi(options().batchSize(5).bufferLimit(10)
                .overflowPolicy(OverflowPolicy.DROP_OLDEST).build());
        for (int i = 0; i < 5; i++) {
            writer.writeRecord("m v=" + i + "i"); // batch 0..4 goes in flight and stalls
        }
        Thread.sleep(200);
        for (int i = 5; i < 20; i++) {
            writer.writeRecord("m v=" + i + "i");
        }
        release.countDown();
        writer.close();
        assertThat(drops).extracting(DroppedBatch::reason).containsOnly(DroppedBatch.Reason.OVERFLOW);
        assertThat(drops.get(0).lineProtocol()).startsWith("m v=5i\n");
        assertThat(stored).contains("m v=0i", "m v=19i");
        assertThat(stored.size() + drops.stream().mapToInt(DroppedBatch::points).sum()).isEqualTo(20);
    }

    @Test
    void blockPolicyFailsTheWriterAfterTheTimeoutWithANetworkError() {
        CountDownLatch release = new CountDownLatch(1);
        server.setDispatcher(stalling(release));
        WriteApi writer = client.newWriteApi(options().batchSize(5).bufferLimit(10)
                .blockTimeout(Duration.ofMillis(300)).build());
        for (int i = 0; i < 10; i++) {
            writer.writeRecord("m v=" + i + "i");
        }
        long started = System.nanoTime();
        assertThatThrownBy(() -> writer.writeRecord("m v=10i")).isInstanceOfSatisfying(P4n4Exception.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.NETWORK);
            assertThat(e.getMessage()).contains("10 points").contains("DROP_OLDEST");
        });
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(250),
                Duration.ofSeconds(3));
        release.countDown();
        writer.close();
        assertThat(writer.stats().accepted()).isEqualTo(10);
        assertThat(writer.stats().written()).isEqualTo(10);
    }

    @Test
    void blockPolicyResumesWhenRoomFrees() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        server.setDispatcher(stalling(release));
        WriteApi writer = client.newWriteApi(options().batchSize(5).bufferLimit(10).build());
        Thread producer = new Thread(() -> {
            for (int i = 0; i < 30; i++) {
                writer.writeRecord("m v=" + i + "i");
            }
        });
        producer.start();
        Thread.sleep(300);
        assertThat(producer.isAlive()).isTrue(); // blocked on the full buffer
        assertThat(writer.stats().buffered()).isEqualTo(10);
        release.countDown();
        producer.join(5_000);
        writer.close();
        assertThat(writer.stats().written()).isEqualTo(30);
    }

    @Test
    void closeGivesUpAfterItsTimeoutAndReportsWhatWasNotSent() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        try (InfluxClient dead = clients.influx().baseUrl("http://127.0.0.1:" + port).org("ming")
                .bucket("b").build()) {
            WriteApi writer = dead.newWriteApi(options().batchSize(10).closeTimeout(Duration.ofMillis(300))
                    .retryPolicy(new RetryPolicy(1000, Duration.ofMillis(50), Duration.ofMillis(100), 2.0, 0.0))
                    .build());
            for (int i = 0; i < 25; i++) {
                writer.writeRecord("m v=" + i + "i");
            }
            long started = System.nanoTime();
            writer.close();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
            assertThat(drops.stream().mapToInt(DroppedBatch::points).sum()).isEqualTo(25);
            assertThat(drops).extracting(DroppedBatch::reason).containsOnly(DroppedBatch.Reason.CLOSED);
            assertThat(writer.stats().dropped()).isEqualTo(25);
            assertThat(writer.stats().buffered()).isZero();
        }
    }

    @Test
    void writingAfterCloseIsAUserErrorAndCloseIsIdempotent() {
        server.setDispatcher(okDispatcher());
        WriteApi writer = client.newWriteApi(options().build());
        writer.close();
        writer.close();
        assertThatThrownBy(() -> writer.writeRecord("m v=1i")).isInstanceOfSatisfying(P4n4Exception.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.USER));
    }

    @Test
    void closingTheClientFlushesItsWriters() throws InterruptedException {
        server.setDispatcher(okDispatcher());
        WriteApi writer = client.newWriteApi(options().flushInterval(Duration.ofHours(1)).build());
        writer.writeRecord("m v=1i");
        client.close();
        assertThat(body(server.takeRequest(5, TimeUnit.SECONDS))).isEqualTo("m v=1i\n");
        assertThatThrownBy(() -> client.newWriteApi(options().build())).isInstanceOf(P4n4Exception.class);
    }

    @Test
    void aPointWhoseTimeDoesNotFitIsRejectedAndLeavesNoHalfLine() throws InterruptedException {
        server.setDispatcher(okDispatcher());
        // one batch, sent by close(): a loaded machine must not split it at the flush interval
        WriteApi writer = client.newWriteApi(options().flushInterval(Duration.ofMinutes(1)).build());
        writer.write(Point.builder("m").field("v", 1L).build());
        Point tooLate = Point.builder("m").tag("t", "x").field("v", 2L).time(Long.MAX_VALUE / 2, WritePrecision.S)
                .build();
        assertThatThrownBy(() -> writer.write(tooLate)).isInstanceOfSatisfying(P4n4Exception.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION));
        writer.write(Point.builder("m").field("v", 3L).build());
        assertThat(writer.stats().accepted()).isEqualTo(2);
        writer.close();
        assertThat(body(server.takeRequest())).isEqualTo("m v=1i\nm v=3i\n");
    }

    @Test
    void aBatchWithOneUnencodablePointDeliversAllTheOthers() throws InterruptedException {
        server.setDispatcher(okDispatcher());
        WriteApi writer = client.newWriteApi(options().flushInterval(Duration.ofMinutes(1)).build());
        Point tooLate = Point.builder("late").field("v", 2L).time(Long.MAX_VALUE / 2, WritePrecision.S).build();
        List<Point> batch = List.of(Point.builder("m").field("v", 1L).build(), tooLate,
                Point.builder("m").tag("region", "\\ east").field("v", 3L).build());
        assertThatThrownBy(() -> writer.write(batch)).isInstanceOfSatisfying(P4n4Exception.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION);
            assertThat(e.getMessage()).startsWith("influxdb write: point 1 of the 3 given was refused (the others are written):")
                    .contains("measurement 'late'");
        });
        writer.close();
        assertThat(body(server.takeRequest())).isEqualTo("m v=1i\nm,region=\\\\ east v=3i\n");
        assertThat(writer.stats().accepted()).isEqualTo(2);
        assertThat(writer.stats().written()).isEqualTo(2);
        assertThat(drops).isEmpty();
    }

    @Test
    void severalRefusedPointsAreCountedAndTheRestWritten() throws InterruptedException {
        server.setDispatcher(okDispatcher());
        WriteApi writer = client.newWriteApi(options().flushInterval(Duration.ofMinutes(1)).build());
        Point tooLate = Point.builder("late").field("v", 2L).time(Long.MAX_VALUE / 2, WritePrecision.S).build();
        assertThatThrownBy(() -> writer.write(List.of(tooLate, Point.builder("m").field("v", 1L).build(), tooLate)))
                .hasMessageStartingWith("influxdb write: 2 of 3 points were refused (the others are written)");
        writer.close();
        assertThat(body(server.takeRequest())).isEqualTo("m v=1i\n");
    }

    private static Dispatcher okDispatcher() {
        return new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse().setResponseCode(204);
            }
        };
    }

    private static Dispatcher stalling(CountDownLatch release) {
        return new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                release.await(10, TimeUnit.SECONDS);
                return new MockResponse().setResponseCode(204);
            }
        };
    }
}
