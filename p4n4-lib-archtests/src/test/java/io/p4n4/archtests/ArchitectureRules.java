package io.p4n4.archtests;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.all;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;

/**
 * The architecture of p4n4-lib, as rules over the production classes of every published module. Each
 * rule is defined here once: {@link ArchitectureTest} checks it against the real code (and fails the
 * build), {@code SeededViolationsTest} against classes that break it on purpose (and proves it can fail).
 */
final class ArchitectureRules {

    // --- a. module boundaries, by package root ---

    /** The API is contracts only: the JDK and the two annotation libraries, nothing else. */
    static final ArchRule API_USES_ONLY_THE_JDK_AND_ANNOTATIONS = classes()
            .that().resideInAPackage("io.p4n4.api..")
            .should().onlyDependOnClassesThat()
            .resideInAnyPackage("io.p4n4.api..", "java..", "org.jspecify..", "org.apiguardian..")
            .because("p4n4-lib-api has no dependencies but its annotation jars");

    /** The Docker backend knows the API and itself, no other p4n4 module. */
    static final ArchRule DOCKER_USES_ONLY_THE_API = noClasses()
            .that().resideInAPackage("io.p4n4.docker..")
            .should().dependOnClassesThat(resideInAPackage("io.p4n4..")
                    .and(resideInAnyPackage("io.p4n4.api..", "io.p4n4.docker..").negate()))
            .because("p4n4-lib-docker depends on p4n4-lib-api only");

    /** The Podman backend knows the API and itself, no other p4n4 module. */
    static final ArchRule PODMAN_USES_ONLY_THE_API = noClasses()
            .that().resideInAPackage("io.p4n4.podman..")
            .should().dependOnClassesThat(resideInAPackage("io.p4n4..")
                    .and(resideInAnyPackage("io.p4n4.api..", "io.p4n4.podman..").negate()))
            .because("p4n4-lib-podman depends on p4n4-lib-api only");

    /** The git template source knows the API and itself, no other p4n4 module. */
    static final ArchRule TEMPLATES_GIT_USES_ONLY_THE_API = noClasses()
            .that().resideInAPackage("io.p4n4.templates.git..")
            .should().dependOnClassesThat(resideInAPackage("io.p4n4..")
                    .and(resideInAnyPackage("io.p4n4.api..", "io.p4n4.templates.git..").negate()))
            .because("p4n4-lib-templates-git depends on p4n4-lib-api only");

    /** JGit stays in its module: nobody else gets it for a job they do not do. */
    static final ArchRule ONLY_THE_GIT_TEMPLATE_SOURCE_NAMES_JGIT = noClasses()
            .that().resideInAPackage("io.p4n4..").and().resideOutsideOfPackage("io.p4n4.templates.git..")
            .should().dependOnClassesThat().resideInAPackage("org.eclipse.jgit..")
            .because("only p4n4-lib-templates-git depends on JGit");

    /** Compose sits right above the API: it knows no module built on it, nor a backend. */
    static final ArchRule COMPOSE_USES_NO_HIGHER_MODULE = noClasses()
            .that().resideInAPackage("io.p4n4.compose..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "io.p4n4.core..", "io.p4n4.agent..", "io.p4n4.clients..",
                    "io.p4n4.docker..", "io.p4n4.podman..", "io.p4n4.testkit..", "io.p4n4.junit..")
            .because("p4n4-lib-compose depends on p4n4-lib-api only");

    /** Core drives engines through the API; it knows neither the agent, the clients nor a backend. */
    static final ArchRule CORE_USES_ONLY_API_AND_COMPOSE = noClasses()
            .that().resideInAPackage("io.p4n4.core..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "io.p4n4.agent..", "io.p4n4.clients..",
                    "io.p4n4.docker..", "io.p4n4.podman..", "io.p4n4.testkit..", "io.p4n4.templates..")
            .because("p4n4-lib-core depends on p4n4-lib-api and p4n4-lib-compose");

    /** The agent drives engines through the API; it knows neither core, the clients nor a backend. */
    static final ArchRule AGENT_USES_ONLY_API_AND_COMPOSE = noClasses()
            .that().resideInAPackage("io.p4n4.agent..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "io.p4n4.core..", "io.p4n4.clients..",
                    "io.p4n4.docker..", "io.p4n4.podman..", "io.p4n4.testkit..")
            .because("p4n4-lib-agent depends on p4n4-lib-api and p4n4-lib-compose");

    /** The service clients take from compose only its .env reader. */
    static final ArchRule CLIENTS_USE_ONLY_API_AND_DOTENV = noClasses()
            .that().resideInAPackage("io.p4n4.clients..")
            .should().dependOnClassesThat(resideInAPackage("io.p4n4..")
                    .and(resideInAnyPackage("io.p4n4.api..", "io.p4n4.compose.env", "io.p4n4.clients..").negate()))
            .because("p4n4-lib-clients depends on p4n4-lib-api and reads .env with io.p4n4.compose.env");

    /** The testkit tests engines through the API alone. */
    static final ArchRule TESTKIT_USES_ONLY_THE_API = noClasses()
            .that().resideInAPackage("io.p4n4.testkit..")
            .should().dependOnClassesThat(resideInAPackage("io.p4n4..")
                    .and(resideInAnyPackage("io.p4n4.api..", "io.p4n4.testkit..").negate()))
            .because("p4n4-lib-testkit depends on p4n4-lib-api only");

    /** The Maven plugin runs stacks through compose and the API; the backends reach it only by ServiceLoader. */
    static final ArchRule MAVEN_PLUGIN_USES_ONLY_API_AND_COMPOSE = noClasses()
            .that().resideInAPackage("io.p4n4.maven..")
            .should().dependOnClassesThat(resideInAPackage("io.p4n4..")
                    .and(resideInAnyPackage("io.p4n4.api..", "io.p4n4.compose..", "io.p4n4.maven..").negate()))
            .because("p4n4-maven-plugin depends on p4n4-lib-api and p4n4-lib-compose (the backends at run time only)");

    /** The plugin's core names no Maven type, so a Gradle plugin can wrap it. */
    static final ArchRule MAVEN_PLUGIN_CORE_IS_BUILD_TOOL_NEUTRAL = noClasses()
            .that().resideInAPackage("io.p4n4.maven.stack..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.apache.maven..", "org.codehaus.plexus..", "io.p4n4.maven")
            .because("io.p4n4.maven.stack is the build-tool-neutral core; the Mojos in io.p4n4.maven wrap it");

    /**
     * The JUnit extension runs projects through compose and scaffolds stacks with core and the clients; engines
     * come through discovery, so it never names a backend, and it is no user of the testkit.
     */
    static final ArchRule JUNIT_USES_NO_BACKEND_NOR_TESTKIT = noClasses()
            .that().resideInAPackage("io.p4n4.junit..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "io.p4n4.agent..", "io.p4n4.docker..", "io.p4n4.podman..", "io.p4n4.testkit..")
            .because("p4n4-lib-junit depends on p4n4-lib-compose (and optionally core and clients) only");

    /** docker-java stays inside the Docker backend. */
    static final ArchRule ONLY_THE_DOCKER_BACKEND_NAMES_DOCKER_JAVA = noClasses()
            .that().resideInAnyPackage("io.p4n4.compose..", "io.p4n4.core..", "io.p4n4.agent..", "io.p4n4.clients..",
                    "io.p4n4.maven..")
            .should().dependOnClassesThat().resideInAPackage("com.github.dockerjava..")
            .because("engines are reached through io.p4n4.api.engine.ContainerEngine");

    /** OkHttp belongs to the Podman backend and the service clients, not to compose, core or the agent. */
    static final ArchRule COMPOSE_CORE_AND_AGENT_DO_NOT_NAME_OKHTTP = noClasses()
            .that().resideInAnyPackage("io.p4n4.compose..", "io.p4n4.core..", "io.p4n4.agent..")
            .should().dependOnClassesThat().resideInAnyPackage("okhttp3..", "okio..")
            .because("HTTP transports are the backends' and the clients' business");

    // --- b. internal packages ---

    /** A class of {@code <module root>..internal..} is used only from classes under the same module root. */
    static final ArchRule INTERNAL_PACKAGES_STAY_IN_THEIR_MODULE = classes()
            .that().resideInAPackage("io.p4n4..internal..")
            .should(new UsedOnlyWithinOwnModule());

    // --- c. the public surface ---

    /** Public types outside internal packages name no internal type in anything a user can see. */
    static final ArchRule PUBLIC_SIGNATURES_EXPOSE_NO_INTERNAL_TYPE = classes()
            .that().resideInAPackage("io.p4n4..")
            .and().resideOutsideOfPackage("io.p4n4..internal..")
            .and(new VisibleFromOutside())
            .should(new ExposesNoInternalType());

    // --- d. no cycles ---

    /** No cycle between packages, each package taken together with its internal packages. */
    static final ArchRule NO_PACKAGE_CYCLES = slices()
            .assignedFrom(new InternalFoldingSlices())
            .should().beFreeOfCycles();

    // --- e. marks readable by tools ---

    /** Every package says how stable it is and that its types are non-null unless marked @Nullable. */
    static final ArchRule PACKAGES_CARRY_API_STATUS_AND_NULL_MARKED = all(new P4n4Packages())
            .should(new CarriesApiStatusAndNullMarked());

    private ArchitectureRules() {
    }
}
