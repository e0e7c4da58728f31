package io.p4n4.archtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import io.p4n4.agent.seeded.UsesClients;
import io.p4n4.agent.seeded.UsesOkHttp;
import io.p4n4.api.seeded.UsesSlf4j;
import io.p4n4.clients.seeded.ReadsDotEnv;
import io.p4n4.clients.seeded.UsesComposeLoader;
import io.p4n4.compose.seeded.UsesCore;
import io.p4n4.core.seeded.UsesAgent;
import io.p4n4.core.seeded.UsesDockerInternal;
import io.p4n4.core.seeded.UsesDockerJava;
import io.p4n4.docker.internal.seeded.Hidden;
import io.p4n4.docker.seeded.UsesCompose;
import io.p4n4.docker.seeded.UsesOwnInternal;
import io.p4n4.maven.seeded.UsesDockerBackend;
import io.p4n4.maven.stack.seeded.UsesComposeExecutor;
import io.p4n4.maven.stack.seeded.UsesMavenLog;
import io.p4n4.podman.seeded.UsesDocker;
import io.p4n4.junit.seeded.UsesPodman;
import io.p4n4.testkit.seeded.UsesDotEnv;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Proves that every rule of {@link ArchitectureRules} can fail: each is applied, unchanged, to test
 * classes that break it on purpose (in packages that mimic the real ones, under {@code ..seeded..}),
 * and must report the offending class; where a rule allows something, the allowed counterpart must not
 * be reported.
 */
class SeededViolationsTest {

    // --- a. module boundaries ---

    @Test
    void apiRuleReportsAnApiClassThatUsesAnotherLibrary() {
        assertReports(ArchitectureRules.API_USES_ONLY_THE_JDK_AND_ANNOTATIONS, classes(UsesSlf4j.class),
                UsesSlf4j.class.getName(), "org.slf4j.Logger");
    }

    @Test
    void dockerRuleReportsTheDockerBackendUsingCompose() {
        assertReports(ArchitectureRules.DOCKER_USES_ONLY_THE_API, classes(UsesCompose.class),
                UsesCompose.class.getName(), "io.p4n4.compose.ComposeProject");
    }

    @Test
    void podmanRuleReportsThePodmanBackendUsingTheDockerBackend() {
        assertReports(ArchitectureRules.PODMAN_USES_ONLY_THE_API, classes(UsesDocker.class),
                UsesDocker.class.getName(), "io.p4n4.docker.DockerEngineProvider");
    }

    @Test
    void composeRuleReportsComposeUsingCore() {
        assertReports(ArchitectureRules.COMPOSE_USES_NO_HIGHER_MODULE, classes(UsesCore.class),
                UsesCore.class.getName(), "io.p4n4.core.P4n4");
    }

    @Test
    void junitRuleReportsTheExtensionNamingABackend() {
        assertReports(ArchitectureRules.JUNIT_USES_NO_BACKEND_NOR_TESTKIT, classes(UsesPodman.class),
                UsesPodman.class.getName(), "io.p4n4.podman.PodmanEngineProvider");
    }

    @Test
    void coreRuleReportsCoreUsingTheAgent() {
        assertReports(ArchitectureRules.CORE_USES_ONLY_API_AND_COMPOSE, classes(UsesAgent.class),
                UsesAgent.class.getName(), "io.p4n4.agent.DeviceAgent");
    }

    @Test
    void agentRuleReportsTheAgentUsingTheClients() {
        assertReports(ArchitectureRules.AGENT_USES_ONLY_API_AND_COMPOSE, classes(UsesClients.class),
                UsesClients.class.getName(), "io.p4n4.clients.ClientFactory");
    }

    @Test
    void clientsRuleReportsTheComposeLoaderButAllowsDotEnv() {
        EvaluationResult result = ArchitectureRules.CLIENTS_USE_ONLY_API_AND_DOTENV
                .evaluate(classes(UsesComposeLoader.class, ReadsDotEnv.class));

        assertThat(result.hasViolation()).isTrue();
        assertThat(details(result)).anySatisfy(line -> assertThat(line)
                .contains(UsesComposeLoader.class.getName(), "io.p4n4.compose.ComposeLoader"));
        assertThat(details(result)).noneSatisfy(line -> assertThat(line).contains(ReadsDotEnv.class.getName()));
    }

    @Test
    void testkitRuleReportsTheTestkitUsingCompose() {
        assertReports(ArchitectureRules.TESTKIT_USES_ONLY_THE_API, classes(UsesDotEnv.class),
                UsesDotEnv.class.getName(), "io.p4n4.compose.env.DotEnv");
    }

    @Test
    void mavenPluginRuleReportsThePluginNamingABackend() {
        assertReports(ArchitectureRules.MAVEN_PLUGIN_USES_ONLY_API_AND_COMPOSE, classes(UsesDockerBackend.class),
                UsesDockerBackend.class.getName(), "io.p4n4.docker.DockerEngineProvider");
    }

    @Test
    void neutralCoreRuleReportsAMavenTypeButAllowsCompose() {
        EvaluationResult result = ArchitectureRules.MAVEN_PLUGIN_CORE_IS_BUILD_TOOL_NEUTRAL
                .evaluate(classes(UsesMavenLog.class, UsesComposeExecutor.class));

        assertThat(result.hasViolation()).isTrue();
        assertThat(details(result)).anySatisfy(line -> assertThat(line)
                .contains(UsesMavenLog.class.getName(), "org.apache.maven.plugin.logging.Log"));
        assertThat(details(result)).noneSatisfy(line -> assertThat(line).contains(UsesComposeExecutor.class.getName()));
    }

    @Test
    void dockerJavaRuleReportsCoreNamingDockerJava() {
        assertReports(ArchitectureRules.ONLY_THE_DOCKER_BACKEND_NAMES_DOCKER_JAVA, classes(UsesDockerJava.class),
                UsesDockerJava.class.getName(), "com.github.dockerjava.api.DockerClient");
    }

    @Test
    void okHttpRuleReportsTheAgentNamingOkHttp() {
        assertReports(ArchitectureRules.COMPOSE_CORE_AND_AGENT_DO_NOT_NAME_OKHTTP, classes(UsesOkHttp.class),
                UsesOkHttp.class.getName(), "okhttp3.OkHttpClient");
    }

    // --- b. internal packages ---

    @Test
    void internalRuleReportsAnotherModuleUsingAnInternalClassButAllowsItsOwnModule() {
        EvaluationResult result = ArchitectureRules.INTERNAL_PACKAGES_STAY_IN_THEIR_MODULE
                .evaluate(classes(Hidden.class, UsesDockerInternal.class, UsesOwnInternal.class));

        assertThat(result.hasViolation()).isTrue();
        assertThat(details(result)).anySatisfy(line -> assertThat(line)
                .contains(Hidden.class.getName(), "io.p4n4.docker", UsesDockerInternal.class.getName()));
        assertThat(details(result)).noneSatisfy(line -> assertThat(line).contains(UsesOwnInternal.class.getName()));
    }

    // --- c. the public surface ---

    @Test
    void signatureRuleReportsEachWayAPublicClassLeaksAnInternalType() {
        EvaluationResult result = ArchitectureRules.PUBLIC_SIGNATURES_EXPOSE_NO_INTERNAL_TYPE
                .evaluate(new ClassFileImporter().importPackages("io.p4n4.compose.seeded", "io.p4n4.compose.internal.seeded"));
        String secret = "io.p4n4.compose.internal.seeded.Secret";

        assertThat(result.hasViolation()).isTrue();
        assertThat(details(result)).anySatisfy(line -> assertThat(line)
                        .contains("LeaksInternal.exposedField", secret))
                .anySatisfy(line -> assertThat(line).contains("LeaksInternal.<init>(" + secret + ")", secret))
                .anySatisfy(line -> assertThat(line).contains("LeaksInternal.returnsSecret()", secret))
                .anySatisfy(line -> assertThat(line).contains("LeaksInternal.returnsListOfSecrets()", secret))
                .anySatisfy(line -> assertThat(line).contains("LeaksInternal.throwsSecretFailure()",
                        "io.p4n4.compose.internal.seeded.SecretFailure"))
                .anySatisfy(line -> assertThat(line).contains("ExtendsInternal (its declaration)", secret))
                .noneSatisfy(line -> assertThat(line).contains("privateSecretIsFine"))
                .noneSatisfy(line -> assertThat(line).contains("PackagePrivateUser"));
    }

    // --- d. no cycles ---

    @Test
    void cycleRuleReportsATwoPackageCycleWithItsClasses() {
        EvaluationResult result = ArchitectureRules.NO_PACKAGE_CYCLES
                .evaluate(new ClassFileImporter().importPackages("io.p4n4.agent.seeded.cycle"));

        assertThat(result.hasViolation()).isTrue();
        assertThat(String.join("\n", details(result))).contains(
                "io.p4n4.agent.seeded.cycle.alpha", "io.p4n4.agent.seeded.cycle.beta",
                "io.p4n4.agent.seeded.cycle.alpha.Alpha", "io.p4n4.agent.seeded.cycle.beta.Beta");
    }

    @Test
    void cycleRuleTakesAPackageAndItsInternalPackageAsOne() {
        EvaluationResult result = ArchitectureRules.NO_PACKAGE_CYCLES
                .evaluate(new ClassFileImporter().importPackages("io.p4n4.agent.seeded.fold"));

        assertThat(result.hasViolation()).as(String.join("\n", details(result))).isFalse();
    }

    // --- e. package marks ---

    @Test
    void markRuleReportsPackagesWithoutStatusOrNullMarkedAndInternalPackagesNotInternal() {
        EvaluationResult result = ArchitectureRules.PACKAGES_CARRY_API_STATUS_AND_NULL_MARKED
                .evaluate(new ClassFileImporter().importPackages("io.p4n4.clients.seeded.marks"));
        String marks = "io.p4n4.clients.seeded.marks.";

        assertThat(result.hasViolation()).isTrue();
        assertThat(details(result))
                .anySatisfy(line -> assertThat(line).contains(marks + "bare has no @API status"))
                .anySatisfy(line -> assertThat(line).contains(marks + "bare is not @NullMarked"))
                .anySatisfy(line -> assertThat(line).contains(marks + "nostatus has no @API status"))
                .anySatisfy(line -> assertThat(line).contains(marks + "nonull is not @NullMarked"))
                .anySatisfy(line -> assertThat(line).contains(marks + "leaky.internal is internal but its @API status is STABLE"))
                .noneSatisfy(line -> assertThat(line).contains(marks + "complete"))
                .noneSatisfy(line -> assertThat(line).contains(marks + "nostatus is not @NullMarked"))
                .noneSatisfy(line -> assertThat(line).contains(marks + "nonull has no @API status"));
    }

    private static JavaClasses classes(Class<?>... fixtures) {
        return new ClassFileImporter().importClasses(fixtures);
    }

    private static List<String> details(EvaluationResult result) {
        return result.getFailureReport().getDetails();
    }

    private static void assertReports(ArchRule rule, JavaClasses fixtures, String offendingClass, String offendingTarget) {
        EvaluationResult result = rule.evaluate(fixtures);

        assertThat(result.hasViolation()).isTrue();
        assertThat(details(result)).anySatisfy(line -> assertThat(line).contains(offendingClass, offendingTarget));
    }
}
