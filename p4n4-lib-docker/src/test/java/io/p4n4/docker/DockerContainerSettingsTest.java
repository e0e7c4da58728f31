package io.p4n4.docker;

import io.p4n4.api.engine.ContainerEngine;
import io.p4n4.api.engine.EngineConfig;
import io.p4n4.testkit.engine.ContainerSettingsContract;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * The settings contract against the dockerd of {@code P4N4_TEST_DOCKER_HOST} (scripts/engines.sh start):
 * dockerd 20.10 speaks Engine API 1.41, which has no healthcheck start interval.
 */
class DockerContainerSettingsTest extends ContainerSettingsContract {

    @Override
    protected Set<String> unsupportedHere() {
        String[] api = engine.version().negotiatedApiVersion().split("\\.");
        boolean before144 = Integer.parseInt(api[0]) == 1 && Integer.parseInt(api[1]) < 44;
        return before144 ? Set.of("healthcheck.startInterval") : Set.of();
    }

    /**
     * dockerd runs on this machine (its socket is local) with the bounding set this process has: a privileged
     * container starts only where that set holds every capability the kernel knows.
     */
    @Override
    protected boolean privilegedRunsHere() {
        try (BufferedReader lastCap = Files.newBufferedReader(Path.of("/proc/sys/kernel/cap_last_cap"))) {
            // read by line: some sandboxed kernels report /proc files as empty to a sized read
            int last = Integer.parseInt(lastCap.readLine().trim());
            String bounding = Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(l -> l.startsWith("CapBnd:")).findFirst().orElseThrow().substring(7).trim();
            BigInteger all = BigInteger.ONE.shiftLeft(last + 1).subtract(BigInteger.ONE);
            return new BigInteger(bounding, 16).and(all).equals(all);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected String engineId() {
        return "docker";
    }

    @Override
    protected String endpointVariable() {
        return "P4N4_TEST_DOCKER_HOST";
    }

    @Override
    protected ContainerEngine createEngine(EngineConfig config) {
        return new DockerEngineProvider().create(config);
    }
}
