package io.p4n4.benchmarks.fleet;

import io.p4n4.testkit.nats.NatsServerProcess;
import java.nio.file.Path;

/** The nats-server the benchmarks start, found as the tests find it. */
final class NatsBinary {

    private NatsBinary() {
    }

    /** Returns the binary {@link NatsServerProcess#findBinary()} finds; fails saying how to get one. */
    static Path require() {
        return NatsServerProcess.findBinary().orElseThrow(() -> new IllegalStateException("no nats-server found ("
                + NatsServerProcess.BINARY_VARIABLE + ", /usr/sbin, /usr/bin, /usr/local/bin or PATH): apt-get"
                + " install nats-server, or set " + NatsServerProcess.BINARY_VARIABLE + " to its path"));
    }
}
