package io.p4n4.cli.compose;

import static org.assertj.core.api.Assertions.assertThat;

import io.p4n4.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The {@code p4n4 compose} commands' flag handling that needs no engine: docker compose flags p4n4 lacks are
 * refused by name, conflicting flags are usage errors, project options stand on either level, exec's options end
 * at SERVICE, and {@code logs --since}'s time forms.
 */
class ComposeCommandsTest {
    /** Nothing listens here, so a command that got past its flags fails as ENGINE (3), not as usage (2). */
    private static final String[] NO_ENGINE = {"--engine", "docker", "--host", "unix:///nonexistent/p4n4-none.sock"};

    @TempDir
    Path dir;
    private Path file;

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    /** {@code p4n4 compose -f FILE COMMAND --engine docker --host NOWHERE ARGS...}. */
    private Run compose(String command, String... args) {
        List<String> all = new ArrayList<>(List.of("compose", "-f", file.toString(), command));
        all.addAll(List.of(NO_ENGINE));
        all.addAll(List.of(args));
        return run(all.toArray(String[]::new));
    }

    @BeforeEach
    void file() throws Exception {
        file = dir.resolve("compose.yaml");
        Files.writeString(file, "services:\n  app: {image: busybox}\n");
    }

    @Test
    void composeFlagsP4n4LacksAreRefusedByName() {
        for (String[] args : new String[][] {{"up", "--scale", "app=2"}, {"up", "--no-deps"},
                {"up", "--abort-on-container-exit"}, {"down", "--rmi", "all"}, {"logs", "--no-log-prefix"},
                {"exec", "--privileged", "app", "true"}, {"exec", "-d", "app", "true"}}) {
            Run r = compose(args[0], java.util.Arrays.copyOfRange(args, 1, args.length));
            assertThat(r.code()).as(String.join(" ", args) + ": " + r.err()).isEqualTo(2);
            assertThat(r.err()).contains("Unknown option").contains(args[1]);
        }
    }

    @Test
    void conflictingOrMeaninglessFlagsAreUsageErrors() {
        assertThat(compose("up", "--build", "--no-build").err()).contains("--build and --no-build are incompatible");
        assertThat(compose("up", "--force-recreate", "--no-recreate").err())
                .contains("--force-recreate and --no-recreate are incompatible");
        Run r = compose("up", "--wait-timeout", "5");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--wait-timeout applies only with --wait");
        assertThat(compose("up", "--pull", "sometimes").err()).contains("--pull sometimes is not supported");
        assertThat(compose("ps", "--format", "{{.Name}}").err()).contains("Go templates are not");
        assertThat(compose("logs", "--tail", "x").err()).contains("--tail must be a number");
        assertThat(compose("logs", "--since", "yesterday").err()).contains("--since yesterday is not a time");
        assertThat(compose("exec", "--index", "0", "app", "true").err()).contains("--index must be 1 or more");
    }

    @Test
    void flagsThatPassReachTheEngine() {
        // exec's options end at SERVICE: -c belongs to sh, so parsing passes and only the missing engine fails
        assertThat(compose("exec", "-e", "A=1", "-u", "1", "-w", "/", "-T", "app", "sh", "-c", "exit 3").code())
                .isEqualTo(3);
        assertThat(compose("up", "-d", "--wait", "--wait-timeout", "5", "--pull", "never", "--remove-orphans", "app")
                .code()).isEqualTo(3);
        assertThat(compose("down", "-v", "--remove-orphans", "-t", "0").code()).isEqualTo(3);
    }

    @Test
    void projectOptionsStandOnComposeOrOnTheSubcommand() {
        Run before = run("compose", "-f", file.toString(), "-p", "outer", "--json", "config");
        assertThat(before.code()).as(before.err()).isZero();
        assertThat(before.out()).contains("\"name\" : \"outer\"");
        Run after = run("compose", "-p", "outer", "config", "-f", file.toString(), "-p", "inner");
        assertThat(after.code()).as(after.err()).isZero();
        assertThat(after.out()).startsWith("name: inner\n");
        Run unknownService = compose("up", "nosuch");
        assertThat(unknownService.code()).isEqualTo(2);
        assertThat(unknownService.err()).contains("nosuch");
    }

    @Test
    void sinceTakesRfc3339UnixSecondsAndGoDurations() {
        CommandLine cli = new CommandLine(new ComposeLogsCommand());
        Instant now = Instant.parse("2026-12-03T12:00:00Z");
        assertThat(LogTimes.since("2026-12-03T10:00:00Z", now, cli)).isEqualTo(Instant.parse("2026-12-03T10:00:00Z"));
        assertThat(LogTimes.since("2026-12-03T10:00:00+01:00", now, cli)).isEqualTo(Instant.parse("2026-12-03T09:00:00Z"));
        assertThat(LogTimes.since("1700000000", now, cli)).isEqualTo(Instant.ofEpochSecond(1_700_000_000));
        assertThat(LogTimes.since("1h30m", now, cli)).isEqualTo(now.minus(Duration.ofMinutes(90)));
        assertThat(LogTimes.duration("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(LogTimes.duration("42")).isNull();
        assertThat(LogTimes.duration("5m x")).isNull();
    }
}
