package io.p4n4.archtests;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Checks every rule of {@link ArchitectureRules} against the production classes of all published modules
 * (their jars or class folders on this module's test class path; test classes are left out). A failure
 * names each offending class and dependency.
 */
@AnalyzeClasses(packages = "io.p4n4", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule apiUsesOnlyTheJdkAndAnnotations = ArchitectureRules.API_USES_ONLY_THE_JDK_AND_ANNOTATIONS;

    @ArchTest
    static final ArchRule dockerUsesOnlyTheApi = ArchitectureRules.DOCKER_USES_ONLY_THE_API;

    @ArchTest
    static final ArchRule podmanUsesOnlyTheApi = ArchitectureRules.PODMAN_USES_ONLY_THE_API;

    @ArchTest
    static final ArchRule templatesGitUsesOnlyTheApi = ArchitectureRules.TEMPLATES_GIT_USES_ONLY_THE_API;

    @ArchTest
    static final ArchRule onlyTheGitTemplateSourceNamesJgit = ArchitectureRules.ONLY_THE_GIT_TEMPLATE_SOURCE_NAMES_JGIT;

    @ArchTest
    static final ArchRule composeUsesNoHigherModule = ArchitectureRules.COMPOSE_USES_NO_HIGHER_MODULE;

    @ArchTest
    static final ArchRule coreUsesOnlyApiAndCompose = ArchitectureRules.CORE_USES_ONLY_API_AND_COMPOSE;

    @ArchTest
    static final ArchRule agentUsesOnlyApiAndCompose = ArchitectureRules.AGENT_USES_ONLY_API_AND_COMPOSE;

    @ArchTest
    static final ArchRule clientsUseOnlyApiAndDotEnv = ArchitectureRules.CLIENTS_USE_ONLY_API_AND_DOTENV;

    @ArchTest
    static final ArchRule testkitUsesOnlyTheApi = ArchitectureRules.TESTKIT_USES_ONLY_THE_API;

    @ArchTest
    static final ArchRule mavenPluginUsesOnlyApiAndCompose = ArchitectureRules.MAVEN_PLUGIN_USES_ONLY_API_AND_COMPOSE;

    @ArchTest
    static final ArchRule mavenPluginCoreIsBuildToolNeutral = ArchitectureRules.MAVEN_PLUGIN_CORE_IS_BUILD_TOOL_NEUTRAL;

    @ArchTest
    static final ArchRule junitUsesNoBackendNorTestkit = ArchitectureRules.JUNIT_USES_NO_BACKEND_NOR_TESTKIT;

    @ArchTest
    static final ArchRule onlyTheDockerBackendNamesDockerJava = ArchitectureRules.ONLY_THE_DOCKER_BACKEND_NAMES_DOCKER_JAVA;

    @ArchTest
    static final ArchRule composeCoreAndAgentDoNotNameOkHttp = ArchitectureRules.COMPOSE_CORE_AND_AGENT_DO_NOT_NAME_OKHTTP;

    @ArchTest
    static final ArchRule internalPackagesStayInTheirModule = ArchitectureRules.INTERNAL_PACKAGES_STAY_IN_THEIR_MODULE;

    @ArchTest
    static final ArchRule publicSignaturesExposeNoInternalType = ArchitectureRules.PUBLIC_SIGNATURES_EXPOSE_NO_INTERNAL_TYPE;

    @ArchTest
    static final ArchRule noPackageCycles = ArchitectureRules.NO_PACKAGE_CYCLES;

    @ArchTest
    static final ArchRule packagesCarryApiStatusAndNullMarked = ArchitectureRules.PACKAGES_CARRY_API_STATUS_AND_NULL_MARKED;
}
