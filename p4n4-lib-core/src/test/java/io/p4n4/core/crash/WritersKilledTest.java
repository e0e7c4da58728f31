package io.p4n4.core.crash;

import static org.assertj.core.api.Assertions.assertThat;

import io.p4n4.api.project.Manifest;
import io.p4n4.compose.env.EnvFile;
import io.p4n4.core.manifest.Manifests;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a process 200 times with SIGKILL at random points while it rotates {@code .env} secrets and rewrites
 * the manifest with the library's atomic writers. After every kill both files parse and each is entirely of
 * one generation: every secret of the {@code .env} agrees, and the manifest agrees with itself and is the
 * generation of the {@code .env} or the one before (it is written second). Writers start while the previous
 * one runs, so the 200 JVM starts overlap the kills.
 */
class WritersKilledTest {

    private static final int KILLS = 200;
    private static final int WARM_WRITERS = 4;

    @TempDir
    Path dir;

    private final Deque<Process> writers = new ArrayDeque<>();

    @AfterEach
    void killWriters() {
        writers.forEach(Process::destroyForcibly);
    }

    @Test
    void filesAreEntirelyOldOrEntirelyNewAfterEveryKill() throws Exception {
        Path project = Files.createDirectories(dir.resolve("project"));
        Random random = new Random(); // seed printed below, so a failure can be replayed
        long seed = random.nextLong();
        random.setSeed(seed);
        recordClassArchive();
        for (int i = 0; i < WARM_WRITERS; i++) {
            writers.add(startWriter(project, i));
        }
        long lastGeneration = 0;
        int progressed = 0;
        for (int kill = 0; kill < KILLS; kill++) {
            Process writer = writers.poll();
            awaitReady(writer);
            writers.add(startWriter(project, kill + WARM_WRITERS));
            try (Writer go = new OutputStreamWriter(writer.getOutputStream(), StandardCharsets.UTF_8)) {
                go.write("go\n");
            }
            // a random point in the loop (a write cycle is two fsynced files); some kills land before any write
            Thread.sleep(10 + random.nextInt(140));
            writer.destroyForcibly();
            assertThat(writer.waitFor(10, TimeUnit.SECONDS)).isTrue();

            long generation = checkConsistent(project, kill, seed);
            assertThat(generation).as("kill %d: generations never go back", kill).isGreaterThanOrEqualTo(lastGeneration);
            if (generation > lastGeneration) {
                progressed++;
            }
            lastGeneration = generation;
        }
        assertThat(progressed).as("kills after which the files had moved on").isGreaterThan(KILLS / 10);
        List<Path> leftovers;
        try (Stream<Path> files = Files.list(project)) {
            leftovers = files.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
        }
        // a temporary file of a killed write stays behind; one of .env must never be readable by others
        for (Path tmp : leftovers) {
            if (tmp.getFileName().toString().startsWith("..env.")) {
                assertThat(Files.getPosixFilePermissions(tmp)).as(tmp.toString())
                        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
            }
        }
        assertThat(Files.getPosixFilePermissions(project.resolve(".env")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        System.out.printf("writers killed: %d kills, %d generations written, %d left-over temporary files (seed %d)%n",
                KILLS, lastGeneration, leftovers.size(), seed);
    }

    /** Checks both files; returns the {@code .env}'s generation (0 before the first complete write). */
    private static long checkConsistent(Path project, int kill, long seed) {
        Path env = project.resolve(".env");
        Path manifestFile = project.resolve(Manifests.FILE_NAME);
        if (!Files.exists(env)) {
            assertThat(manifestFile).as("kill %d (seed %d): manifest without .env", kill, seed).doesNotExist();
            return 0;
        }
        Map<String, String> values = EnvFile.read(env).values();
        assertThat(values).as("kill %d (seed %d): .env keys", kill, seed).hasSize(RotatingWriterMain.SECRETS);
        Set<String> generations = values.values().stream().map(v -> v.substring(0, v.indexOf('-')))
                .collect(Collectors.toSet());
        assertThat(generations).as("kill %d (seed %d): generations in .env", kill, seed).hasSize(1);
        long g = Long.parseLong(generations.iterator().next().substring(1));
        if (!Files.exists(manifestFile)) {
            assertThat(g).as("kill %d: .env written, manifest not yet", kill).isEqualTo(1);
            return g;
        }
        Manifest manifest = (Manifest) Manifests.read(manifestFile);
        long m = Long.parseLong(manifest.name().substring("writer-g".length()));
        assertThat(manifest).as("kill %d (seed %d): manifest all of generation %d", kill, seed, m)
                .isEqualTo(RotatingWriterMain.manifest(m).toBuilder().createdAt(manifest.createdAt()).build());
        // written second: a kill between the two leaves it behind the .env, never ahead
        assertThat(m).as("kill %d (seed %d): manifest generation against .env's %d", kill, seed, g).isLessThanOrEqualTo(g);
        return g;
    }

    /**
     * Runs the writer once to the end with {@code -XX:ArchiveClassesAtExit}: the 200 writers then map the
     * loaded classes from that archive instead of loading them again (JVM start is most of this test's time).
     */
    private void recordClassArchive() throws Exception {
        Process warmUp = writer("-XX:ArchiveClassesAtExit=" + dir.resolve("writer.jsa"), dir.resolve("warm-up"),
                dir.resolve("scratch-warm-up"), "--warm-up-only").start();
        assertThat(warmUp.waitFor(60, TimeUnit.SECONDS)).as("warm-up run").isTrue();
    }

    private Process startWriter(Path project, int n) throws IOException {
        String archive = Files.exists(dir.resolve("writer.jsa")) ? "-XX:SharedArchiveFile=" + dir.resolve("writer.jsa")
                : "-Xshare:auto";
        return writer(archive, project, dir.resolve("scratch-" + n)).start();
    }

    private ProcessBuilder writer(String classData, Path project, Path scratch, String... extra) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                classData, "-cp", System.getProperty("java.class.path"), RotatingWriterMain.class.getName(),
                project.toString(), scratch.toString()));
        command.addAll(List.of(extra));
        // a quick start matters more than peak speed here: 200 JVMs are started
        return new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.PIPE)
                .redirectError(ProcessBuilder.Redirect.appendTo(dir.resolve("writers.err").toFile()));
    }

    private static void awaitReady(Process writer) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        assertThat(line).as("writer ready").isEqualTo("ready");
    }
}
