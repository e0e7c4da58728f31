package io.p4n4.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;

/**
 * Base of the CLI tests whose commands call a service: a scripted HTTP server standing in for it,
 * and the CLI run in-process with its output captured.
 */
@Timeout(30)
public abstract class MockServiceCliTest {
    /** The service's stand-in; started before each test, shut down after it. */
    protected final MockWebServer server = new MockWebServer();
    /** What the CLI printed on standard output. */
    protected final StringWriter out = new StringWriter();
    /** What the CLI printed on standard error. */
    protected final StringWriter err = new StringWriter();

    @BeforeEach
    final void startServer() throws IOException {
        server.start();
    }

    @AfterEach
    final void stopServer() throws IOException {
        server.shutdown();
    }

    /** Runs {@code p4n4 args...} and returns its exit code. */
    protected final int run(String... args) {
        return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }
}
