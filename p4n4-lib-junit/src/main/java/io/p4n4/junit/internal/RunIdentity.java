package io.p4n4.junit.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.Optional;

/**
 * Names a JVM as {@code <host>/<pid>/<start epoch ms>}. The start time guards against a reused pid: a run is
 * alive only when a process with that pid exists and started at that time. The host keeps runs of other
 * machines sharing one engine out of reach: only runs of this host are judged.
 *
 * @param host the host name of the JVM
 * @param pid its process id
 * @param startMillis when it started, in epoch milliseconds (0 when the OS does not say)
 */
public record RunIdentity(String host, long pid, long startMillis) {
    /**
     * How far two JVMs may disagree on one process's start time. Linux derives it from the boot time in
     * {@code /proc/stat}, which moves when the clock is stepped, so a live run read by another JVM can look a
     * second or more off. A pid reused within this window by a process that started this close is not a risk
     * worth removing a live run for.
     */
    static final long START_TOLERANCE_MILLIS = 10_000;
    private static final RunIdentity CURRENT = of(ProcessHandle.current());

    /** This JVM. */
    public static RunIdentity current() {
        return CURRENT;
    }

    private static RunIdentity of(ProcessHandle process) {
        long start = process.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
        return new RunIdentity(hostName(), process.pid(), start);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName().replace('/', '_');
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }

    /** Parses a label value; empty when it is not one this class wrote. */
    public static Optional<RunIdentity> parse(String value) {
        String[] parts = value.split("/");
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            return Optional.of(new RunIdentity(parts[0], Long.parseLong(parts[1]), Long.parseLong(parts[2])));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The label value. */
    public String value() {
        return host + "/" + pid + "/" + startMillis;
    }

    /** Whether this run was made on this host and its JVM is gone (its pid is free or names a newer process). */
    public boolean deadOnThisHost() {
        if (!host.equals(CURRENT.host)) {
            return false;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isEmpty() || !process.get().isAlive()) {
            return true;
        }
        long start = process.get().info().startInstant().map(Instant::toEpochMilli).orElse(0L);
        return startMillis != 0 && start != 0 && Math.abs(start - startMillis) > START_TOLERANCE_MILLIS;
    }
}
