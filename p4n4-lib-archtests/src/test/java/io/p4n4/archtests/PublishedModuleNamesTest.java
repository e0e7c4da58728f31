package io.p4n4.archtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Every published jar carries its module name: a real module descriptor for the api, an
 * {@code Automatic-Module-Name} for the others. Read the way the JVM reads them, with a
 * {@link ModuleFinder} over the jars this module was built against. Without an entry in the manifest the
 * finder would derive a name from the file name ({@code p4n4.lib.core}), so a lost entry fails here.
 */
class PublishedModuleNamesTest {

    private static final Map<String, String> MODULE_NAMES = new LinkedHashMap<>();

    static {
        MODULE_NAMES.put("p4n4-lib-api", "io.p4n4.api");
        MODULE_NAMES.put("p4n4-lib-compose", "io.p4n4.compose");
        MODULE_NAMES.put("p4n4-lib-core", "io.p4n4.core");
        MODULE_NAMES.put("p4n4-lib-agent", "io.p4n4.agent");
        MODULE_NAMES.put("p4n4-lib-clients", "io.p4n4.clients");
        MODULE_NAMES.put("p4n4-lib-docker", "io.p4n4.docker");
        MODULE_NAMES.put("p4n4-lib-podman", "io.p4n4.podman");
        MODULE_NAMES.put("p4n4-lib-templates-git", "io.p4n4.templates.git");
        MODULE_NAMES.put("p4n4-lib-testkit", "io.p4n4.testkit");
        MODULE_NAMES.put("p4n4-maven-plugin", "io.p4n4.maven");
        MODULE_NAMES.put("p4n4-lib-junit", "io.p4n4.junit");
    }

    @Test
    void everyPublishedJarCarriesItsModuleName() {
        Map<String, ModuleDescriptor> found = new LinkedHashMap<>();
        MODULE_NAMES.forEach((artifact, expected) -> found.put(artifact, descriptorOf(jarOf(artifact))));

        found.forEach((artifact, descriptor) -> assertThat(descriptor.name())
                .as("module name of %s", artifact).isEqualTo(MODULE_NAMES.get(artifact)));
        assertThat(found.get("p4n4-lib-api").isAutomatic()).as("the api has a real module-info").isFalse();
        assertThat(found.get("p4n4-lib-api").exports()).extracting(ModuleDescriptor.Exports::source)
                .contains("io.p4n4.api", "io.p4n4.api.engine", "io.p4n4.api.spi");
    }

    /**
     * The artifact's entry on the test class path. In a reactor build up to {@code verify} it is the
     * packaged jar; a build that stops before {@code package} hands over target/classes, which has no
     * manifest to check, so the test is skipped then (it runs in {@code ./mvnw verify} and CI).
     */
    private static Path jarOf(String artifact) {
        List<Path> entries = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(Path::of).toList();
        Optional<Path> jar = entries.stream()
                .filter(p -> isMainJar(p.getFileName().toString(), artifact) && Files.isRegularFile(p))
                .findFirst();
        assumeTrue(jar.isPresent(), () -> artifact + " is not a packaged jar on the class path (run 'verify'): "
                + entries.stream().filter(p -> p.toString().contains(artifact)).toList());
        return jar.get();
    }

    private static boolean isMainJar(String fileName, String artifact) {
        return fileName.startsWith(artifact + "-") && fileName.endsWith(".jar")
                && fileName.substring(artifact.length() + 1).matches("\\d[^-]*(-SNAPSHOT)?\\.jar");
    }

    private static ModuleDescriptor descriptorOf(Path jar) {
        List<ModuleReference> modules = List.copyOf(ModuleFinder.of(jar).findAll());
        assertThat(modules).as("modules in %s", jar).hasSize(1);
        return modules.get(0).descriptor();
    }
}
