package io.p4n4.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.project.Problem;
import io.p4n4.api.project.Severity;
import io.p4n4.api.project.StackId;
import io.p4n4.api.project.ValidationReport;
import io.p4n4.core.P4n4;
import io.p4n4.core.project.Fixtures;
import io.p4n4.core.project.InitOptions;
import io.p4n4.core.project.ProjectService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectValidatorTest {
    @TempDir
    Path tmp;

    private final ProjectService projects = P4n4.builder().environment(Map.of()).build().projectService();

    private Path demo() {
        return projects.init(InitOptions.of(tmp.resolve("demo"), List.of(StackId.IOT, StackId.AI, StackId.EDGE)))
                .directory();
    }

    private static void replaceLine(Path file, String regex, String replacement) throws Exception {
        Files.writeString(file, Files.readString(file).replaceFirst("(?m)" + regex,
                java.util.regex.Matcher.quoteReplacement(replacement)));
    }

    @Test
    void noManifestIsAUserError() {
        ValidationReport r = projects.validate(tmp);
        assertThat(r.errorCode()).isEqualTo(ErrorCode.USER);
        assertThat(r.errors()).singleElement().satisfies(p -> {
            assertThat(p.id()).isEqualTo("manifest.missing");
            assertThat(p.hint()).contains("p4n4 init");
        });
    }

    @Test
    void invalidManifestIsAUserErrorNamingPathAndLine() throws Exception {
        Path dir = demo();
        replaceLine(dir.resolve(".p4n4.json"), "\"edge\"", "\"cloud\"");
        ValidationReport r = projects.validate(dir.resolve("stacks/iot"));
        assertThat(r.errorCode()).isEqualTo(ErrorCode.USER);
        Problem p = r.errors().get(0);
        assertThat(p.key()).isEqualTo("$.stacks[2]");
        assertThat(p.line()).isEqualTo(9);
        assertThat(p.file()).isEqualTo(dir.resolve(".p4n4.json"));
    }

    @Test
    void aStackVersionOutsideTheSupportedRangeIsACompatibilityError() throws Exception {
        Path dir = demo();
        assertThat(dir.resolve("stacks/ai/VERSION")).content().isEqualTo("0.1.0\n");
        assertThat(projects.validate(dir).passed()).contains("stacks/ai/VERSION: supported (>=0.1.0 <1.0.0)");
        Files.writeString(dir.resolve("stacks/ai/VERSION"), "1.0.0\n");
        ValidationReport r = projects.validate(dir);
        assertThat(r.errorCode()).isEqualTo(ErrorCode.COMPATIBILITY);
        assertThat(r.errors()).singleElement().satisfies(p -> {
            assertThat(p.id()).isEqualTo("stack.incompatible");
            assertThat(p.file()).isEqualTo(dir.resolve("stacks/ai/VERSION"));
            assertThat(p.message()).contains("'1.0.0'").contains(">=0.1.0 <1.0.0");
        });
    }

    @Test
    void aStackWithoutVersionFileIsAWarningNotAnError() throws Exception {
        Path dir = demo();
        Files.delete(dir.resolve("stacks/edge/VERSION"));
        ValidationReport r = projects.validate(dir);
        assertThat(r.errorCode()).isEqualTo(ErrorCode.OK);
        assertThat(r.warnings()).extracting(Problem::id).contains("stack.version-missing");
    }

    @Test
    void missingStackFileIsAValidationError() throws Exception {
        Path dir = demo();
        Files.delete(dir.resolve("stacks/ai/docker-compose.yml"));
        ValidationReport r = projects.validate(dir);
        assertThat(r.errorCode()).isEqualTo(ErrorCode.VALIDATION);
        assertThat(r.errors()).singleElement().satisfies(p -> {
            assertThat(p.id()).isEqualTo("file.missing");
            assertThat(p.message()).contains("stacks/ai/docker-compose.yml");
            assertThat(p.hint()).contains("p4n4 add ai");
        });
    }

    @Test
    void eachMissingOrEmptyRequiredVariableIsOneProblem() throws Exception {
        Path dir = demo();
        Path env = dir.resolve(".env");
        replaceLine(env, "^INFLUXDB_ADMIN_TOKEN=.*$", "");
        replaceLine(env, "^N8N_HOST=.*$", "N8N_HOST=");
        ValidationReport r = projects.validate(dir);
        assertThat(r.errorCode()).isEqualTo(ErrorCode.VALIDATION);
        assertThat(r.errors()).extracting(Problem::key).containsExactlyInAnyOrder("INFLUXDB_ADMIN_TOKEN", "N8N_HOST");
        assertThat(r.errors()).allSatisfy(p -> assertThat(p.id()).isEqualTo("env.missing-variable"));
        assertThat(r.errors()).anySatisfy(p -> assertThat(p.message()).contains("empty required variable N8N_HOST"));
    }

    @Test
    void composeReferencesWithoutDefaultAreRequiredWithFileAndLine() throws Exception {
        Path dir = demo();
        Path compose = dir.resolve("stacks/edge/docker-compose.yml");
        replaceLine(compose, "^      TZ: .*$", "      TZ: ${TZ:-UTC}\n      SITE: ${SITE_NAME}\n      OK: ${FINE:-x}");
        int line = Files.readAllLines(compose).indexOf("      SITE: ${SITE_NAME}") + 1;
        ValidationReport r = projects.validate(dir);
        assertThat(r.errors()).singleElement().satisfies(p -> {
            assertThat(p.key()).isEqualTo("SITE_NAME");
            assertThat(p.file()).isEqualTo(compose);
            assertThat(p.line()).isEqualTo(line);
            assertThat(p.errorCode()).isEqualTo(ErrorCode.VALIDATION);
        });
    }

    @Test
    void brokenInterpolationSyntaxIsAnEngineError() throws Exception {
        Path dir = demo();
        replaceLine(dir.resolve("stacks/edge/docker-compose.yml"), "^      TZ: .*$", "      TZ: ${TZ");
        ValidationReport r = projects.validate(dir);
        assertThat(r.errorCode()).isEqualTo(ErrorCode.ENGINE);
        assertThat(r.errors()).singleElement().satisfies(p -> assertThat(p.id()).isEqualTo("compose.interpolation"));
    }

    @Test
    void composeFileBreakingTheSpecIsAnEngineError() throws Exception {
        Path dir = demo();
        Path compose = dir.resolve("stacks/edge/docker-compose.yml");
        replaceLine(compose, "^    restart: unless-stopped$", "    restart: unless-stopped\n    ports_typo: [8080]");
        ValidationReport r = projects.validate(dir);
        assertThat(r.errorCode()).isEqualTo(ErrorCode.ENGINE);
        assertThat(r.errors()).singleElement().satisfies(p -> {
            assertThat(p.id()).isEqualTo("compose.invalid");
            assertThat(p.file()).isEqualTo(compose);
            assertThat(p.message()).contains("ports_typo");
        });
    }

    @Test
    void readableOrUnignoredEnvIsOnlyAWarning() throws Exception {
        Path dir = demo();
        Files.setPosixFilePermissions(dir.resolve(".env"), PosixFilePermissions.fromString("rw-r--r--"));
        Files.writeString(dir.resolve(".gitignore"), "*.eim\n");
        ValidationReport r = projects.validate(dir);
        assertThat(r.ok()).isTrue();
        assertThat(r.errorCode()).isEqualTo(ErrorCode.OK);
        assertThat(r.warnings()).extracting(Problem::id).containsExactly("env.permissions", "env.not-ignored");
        assertThat(r.warnings()).allSatisfy(p -> assertThat(p.severity()).isEqualTo(Severity.WARNING));
    }

    @Test
    void missingEnvFileIsAValidationError() throws Exception {
        Path dir = demo();
        Files.delete(dir.resolve(".env"));
        ValidationReport r = projects.validate(dir);
        assertThat(r.errorCode()).isEqualTo(ErrorCode.VALIDATION);
        assertThat(r.errors()).extracting(Problem::id).containsExactly("env.missing");
    }

    @Test
    void malformedEnvLineIsReportedWithItsLine() throws Exception {
        Path dir = demo();
        Files.writeString(dir.resolve(".env"), Files.readString(dir.resolve(".env")) + "BROKEN=\"unterminated\n");
        ValidationReport r = projects.validate(dir);
        assertThat(r.errorCode()).isEqualTo(ErrorCode.VALIDATION);
        assertThat(r.errors()).singleElement().satisfies(p -> {
            assertThat(p.id()).isEqualTo("env.invalid");
            assertThat(p.line()).isPositive();
        });
    }

    @Test
    void upstreamFlatProjectFromTheFixturesPasses() throws Exception {
        Path dir = Fixtures.upstreamFlatProject(tmp.resolve("up"), "iot");
        ValidationReport r = projects.validate(dir);
        assertThat(r.errors()).isEmpty();
        assertThat(r.passed()).contains("docker-compose.yml", "config/mosquitto/mosquitto.conf");
        assertThat(r.warnings()).extracting(Problem::id).contains("manifest.legacy");
    }

    @Test
    void upstreamFlatProjectMissingKeysFailsPerKey() throws Exception {
        Path dir = Fixtures.upstreamFlatProject(tmp.resolve("up"), "iot");
        replaceLine(dir.resolve(".env"), "^INFLUXDB_TOKEN=.*$", "INFLUXDB_TOKEN=");
        replaceLine(dir.resolve(".env"), "^GRAFANA_USER=.*$", "");
        Files.delete(dir.resolve("config/node-red/flows.json"));
        ValidationReport r = projects.validate(dir);
        assertThat(r.errorCode()).isEqualTo(ErrorCode.VALIDATION);
        assertThat(r.errors()).extracting(Problem::id).containsExactly("file.missing", "env.missing-variable",
                "env.missing-variable");
        assertThat(r.errors()).extracting(Problem::key).containsSubsequence("INFLUXDB_TOKEN", "GRAFANA_USER");
    }

    @Test
    void upstreamProjectWithOneFolderPerLayerIsValidated() throws Exception {
        Path up = Fixtures.upstream();
        Path dir = Files.createDirectories(tmp.resolve("multi"));
        Fixtures.upstreamFlatProject(dir.resolve("iot"), "iot");
        Files.delete(dir.resolve("iot/.p4n4.json"));
        Fixtures.copyTree(up.resolve("p4n4-ai"), dir.resolve("ai"));
        Files.copy(dir.resolve("ai/.env.example"), dir.resolve("ai/.env"));
        Files.createDirectories(dir.resolve("ai/scripts"));
        Files.writeString(dir.resolve("ai/scripts/pull-models.sh"), "#\n");
        Files.writeString(dir.resolve(".gitignore"), ".env\n");
        Files.writeString(dir.resolve(".p4n4.json"), "{\"schema_version\": 1, \"project\": \"multi\","
                + " \"layers\": [\"ai\", \"iot\", \"bogus\"], \"created_at\": \"2026-03-09T05:15:11+00:00\"}\n");
        ValidationReport r = projects.validate(dir);
        assertThat(r.errors()).isEmpty();
        assertThat(r.passed()).contains("iot/docker-compose.yml", "ai/config/letta/letta.conf");
        assertThat(r.warnings()).extracting(Problem::id).contains("manifest.unknown-layer");

        replaceLine(dir.resolve("ai/.env"), "^N8N_ENCRYPTION_KEY=.*$", "");
        assertThat(projects.validate(dir).errors()).singleElement()
                .satisfies(p -> assertThat(p.file()).isEqualTo(dir.resolve("ai/.env")));
    }
}
