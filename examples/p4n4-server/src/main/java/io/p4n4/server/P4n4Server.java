package io.p4n4.server;

import com.sun.net.httpserver.HttpServer;
import io.p4n4.agent.nats.NatsDesiredStateStore;
import io.p4n4.agent.score.ScoreSigner;
import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import io.p4n4.api.engine.ContainerEngine;
import io.p4n4.core.P4n4;
import io.p4n4.core.platform.Platform;
import io.p4n4.compose.engine.EngineDiscovery;
import io.p4n4.core.project.Project;
import io.p4n4.server.api.Backend;
import io.p4n4.server.api.LogRoutes;
import io.p4n4.server.api.ProjectRoutes;
import io.p4n4.server.api.ScoreRoutes;
import io.p4n4.server.api.StackRoutes;
import io.p4n4.server.api.StaticRoutes;
import io.p4n4.server.engine.Operations;
import io.p4n4.server.engine.StatusCache;
import io.p4n4.server.http.Dispatcher;
import io.p4n4.server.http.Router;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The p4n4 server: one project (and optionally one NATS desired-state bucket) as a REST API with Server-Sent
 * Events, its OpenAPI document and a live dashboard (docs/server.md). It binds to loopback unless told otherwise,
 * requires the bearer token in the project's {@code .env} ({@code P4N4_SERVER_TOKEN}, generated on first start)
 * for every mutating call, refuses other origins unless listed, and limits request bodies.
 *
 * <pre>{@code
 * try (P4n4Server server = P4n4Server.builder().project(Path.of("/srv/site")).build().start()) {
 *     server.awaitTermination();
 * }
 * }</pre>
 */
public final class P4n4Server implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(P4n4Server.class);

    /** The port used when none is given. */
    public static final int DEFAULT_PORT = 8480;
    /** The body limit used when none is given: 1 MiB. */
    public static final long DEFAULT_MAX_BODY_BYTES = 1L << 20;

    static {
        // The JDK's server writes a response's headers and body in two segments; without TCP_NODELAY, Nagle's
        // algorithm holds the body until the client's delayed ACK of the headers: 40 ms per small answer
        // (measured: GET /api/v1/status p50 44 ms before, docs/BENCHMARKS.md). Read once, when the JDK's
        // server class initialises; a value set on the command line is kept.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final Builder config;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private HttpServer http;
    private ExecutorService executor;
    private ContainerEngine engine;
    private StatusCache status;
    private Operations operations;
    private Router router;
    private String token;

    private P4n4Server(Builder config) {
        this.config = config;
    }

    /** Returns a builder. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Opens the project, connects to the engine, starts the status cache and listens.
     *
     * @throws P4n4Exception USER when the project cannot be opened or the port is taken, ENGINE when no engine
     *     answers
     */
    public synchronized P4n4Server start() {
        if (http != null) {
            throw new IllegalStateException("the server is already started");
        }
        Project project = P4n4.projects().open(config.project);
        token = ServerToken.loadOrCreate(project.envFile());
        engine = config.engine != null ? config.engine : config.discovery.connect();
        try {
            Platform platform = Platform.create(engine, project);
            status = StatusCache.start(platform);
            operations = Operations.create();
            Backend backend = new Backend(platform, status, operations, config.nats, config.signer, config.heartbeat);
            router = routes(backend);
            http = HttpServer.create(new InetSocketAddress(config.bind, config.port), 64);
            executor = executor();
            http.setExecutor(executor);
            http.createContext("/", new Dispatcher(router, token, config.corsOrigins, config.maxBodyBytes));
            http.start();
        } catch (IOException e) {
            close();
            throw new P4n4Exception(ErrorCode.USER, "cannot listen on " + config.bind.getHostAddress() + ":"
                    + config.port + ": " + e.getMessage() + "; choose another port (--port)", e);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        LOG.info("p4n4 server for {} at {} on engine {} at {}", project.directory(), url(), engine.id(),
                engine.endpoint());
        return this;
    }

    /** Every route of the server, in matching order. */
    static Router routes(Backend backend) {
        Router router = new Router();
        StaticRoutes.register(router);
        ProjectRoutes.register(router, backend);
        StackRoutes.register(router, backend);
        LogRoutes.register(router, backend);
        ScoreRoutes.register(router, backend);
        return router;
    }

    /** Returns the routes the server answers (for the OpenAPI conformance test). */
    public List<String> routes() {
        return router.routes().stream().map(r -> r.method() + " " + r.template()).toList();
    }

    private static ExecutorService executor() {
        AtomicInteger n = new AtomicInteger();
        // event streams hold a thread each while open: threads grow with them, up to a bound
        return new ThreadPoolExecutor(4, 512, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
            Thread t = new Thread(r, "p4n4-server-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Returns the port the server listens on (the chosen one when started on port 0). */
    public int port() {
        return http.getAddress().getPort();
    }

    /** Returns the server's base URL, e.g. {@code http://127.0.0.1:8480/}. */
    public URI url() {
        InetAddress address = http.getAddress().getAddress();
        String host = address.isAnyLocalAddress() ? "127.0.0.1" : address.getHostAddress();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port() + "/");
    }

    /**
     * Returns the dashboard's URL with the token in its fragment ({@code #token=...}), which browsers never send
     * to the server. It holds the secret: hand it to a browser, do not log it.
     */
    public URI dashboardUrl() {
        return URI.create(url() + "#token=" + token);
    }

    /** Blocks until {@link #close()}. */
    public void awaitTermination() throws InterruptedException {
        stopped.await();
    }

    /** Stops listening, ends the event streams, stops the status cache and, when it opened it, the engine. */
    @Override
    public synchronized void close() {
        if (http != null) {
            http.stop(0);
        }
        if (executor != null) {
            executor.shutdownNow();
        }
        if (status != null) {
            status.close();
        }
        if (operations != null) {
            operations.close();
        }
        if (engine != null && config.engine == null) {
            engine.close();
        }
        stopped.countDown();
    }

    /** Names the project and address, never the token. */
    @Override
    public String toString() {
        return "P4n4Server[" + config.project + (http == null ? ", not started" : ", " + url()) + "]";
    }

    /** Configures a {@link P4n4Server}; every setting is checked when set. */
    public static final class Builder {
        private Path project;
        private @Nullable ContainerEngine engine;
        private EngineDiscovery discovery = EngineDiscovery.builder().build();
        private @Nullable NatsDesiredStateStore nats;
        private @Nullable ScoreSigner signer;
        private InetAddress bind = InetAddress.getLoopbackAddress();
        private int port = DEFAULT_PORT;
        private List<String> corsOrigins = List.of();
        private long maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
        private Duration heartbeat = Duration.ofSeconds(15);

        private Builder() {
        }

        /** The project directory (or a directory inside it). Required. */
        public Builder project(Path directory) {
            this.project = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /** The engine to use; the caller keeps it and closes it. Default: the first that answers. */
        public Builder engine(ContainerEngine value) {
            this.engine = Objects.requireNonNull(value, "engine");
            return this;
        }

        /** How to find the engine when none is given; the server closes what it connects. */
        public Builder engineDiscovery(EngineDiscovery value) {
            this.discovery = Objects.requireNonNull(value, "discovery");
            return this;
        }

        /** The NATS desired-state store of the Score and device routes; the caller keeps it and closes it. */
        public Builder nats(NatsDesiredStateStore store) {
            this.nats = Objects.requireNonNull(store, "store");
            return this;
        }

        /** The key published Scores and tombstones are signed with (needs {@link #nats}). */
        public Builder signer(ScoreSigner value) {
            this.signer = Objects.requireNonNull(value, "signer");
            return this;
        }

        /** The address to listen on; default loopback. Anything else exposes the API to the network. */
        public Builder bind(InetAddress address) {
            this.bind = Objects.requireNonNull(address, "address");
            return this;
        }

        /** The port; 0 picks a free one. Default {@value P4n4Server#DEFAULT_PORT}. */
        public Builder port(int value) {
            if (value < 0 || value > 65535) {
                throw new P4n4Exception(ErrorCode.USER, "port " + value + " is not a TCP port (0-65535)");
            }
            this.port = value;
            return this;
        }

        /** Origins (e.g. {@code https://ops.example.com}) whose pages may call the API; default none (CORS off). */
        public Builder corsOrigins(List<String> origins) {
            List<String> checked = new ArrayList<>();
            for (String o : origins) {
                URI uri = URI.create(o);
                if (uri.getScheme() == null || uri.getHost() == null || !(uri.getRawPath() == null
                        || uri.getRawPath().isEmpty()) || uri.getRawQuery() != null) {
                    throw new P4n4Exception(ErrorCode.USER, "'" + o + "' is not an origin; give scheme, host and"
                            + " optional port only, e.g. https://ops.example.com:8443");
                }
                checked.add(o);
            }
            this.corsOrigins = List.copyOf(checked);
            return this;
        }

        /** The largest request body accepted, in bytes; default 1 MiB. */
        public Builder maxBodyBytes(long value) {
            if (value <= 0) {
                throw new P4n4Exception(ErrorCode.USER, "the body limit must be above 0 bytes, not " + value);
            }
            this.maxBodyBytes = value;
            return this;
        }

        /** How often an idle event stream sends a keep-alive comment; default 15 s. */
        public Builder heartbeat(Duration value) {
            if (value.isNegative() || value.isZero()) {
                throw new P4n4Exception(ErrorCode.USER, "the heartbeat must be above zero, not " + value);
            }
            this.heartbeat = value;
            return this;
        }

        /**
         * Returns the server, not started.
         *
         * @throws P4n4Exception USER when no project is given, or a signer without NATS
         */
        public P4n4Server build() {
            if (project == null) {
                throw new P4n4Exception(ErrorCode.USER, "the server needs a project directory (project(Path))");
            }
            if (signer != null && nats == null) {
                throw new P4n4Exception(ErrorCode.USER, "a signing key needs a NATS store to publish to; give nats()"
                        + " too, or leave the key out");
            }
            return new P4n4Server(this);
        }
    }
}
