package io.p4n4.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import io.p4n4.api.project.StackId;
import io.p4n4.api.project.ValidationReport;
import io.p4n4.core.project.InitOptions;
import io.p4n4.core.project.Project;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class P4n4Test {
    @TempDir
    Path tmp;

    @Test
    void versionIsTheBuiltVersionWithoutSuffix() {
        // the build passes its own version; a missing or unfiltered resource would give 0.0.0
        String built = System.getProperty("p4n4.built.version");
        assertThat(built).as("system property p4n4.built.version (set by p4n4-lib-core's pom)").isNotBlank();
        assertThat(P4n4.version()).isEqualTo(built.replaceFirst("[-+].*$", ""))
                .matches("\\d+\\.\\d+\\.\\d+");
    }

    @Test
    void pinnedCliVersionIsRecordedAndKeptByLaterChanges() {
        P4n4 p4n4 = P4n4.builder().cliVersion("9.8.7").build();
        Project p = p4n4.projectService().init(InitOptions.of(tmp.resolve("a"), List.of(StackId.IOT)));
        assertThat(p.v1Manifest().cliVersion()).isEqualTo("9.8.7");
        Project later = P4n4.builder().cliVersion("1.0.0").build().projectService().open(p.directory()).add(StackId.AI);
        assertThat(later.v1Manifest().cliVersion()).isEqualTo("9.8.7");
    }

    @Test
    void withoutDiscoveryOnlyExplicitProvidersCount() {
        P4n4 bare = P4n4.builder().discoverStackProviders(false).build();
        assertThat(bare.stacks().all()).isEmpty();
        assertThatThrownBy(() -> bare.projectService().init(InitOptions.of(tmp.resolve("b"), List.of(StackId.IOT))))
                .isInstanceOfSatisfying(P4n4Exception.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.USER));
        assertThat(tmp.resolve("b")).doesNotExist();
    }

    @Test
    void seededRandomGivesRepeatableSecrets() throws Exception {
        String first = secretsOf(tmp.resolve("s1"));
        String second = secretsOf(tmp.resolve("s2"));
        assertThat(first).isEqualTo(second);
    }

    private static String secretsOf(Path dir) throws Exception {
        SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
        random.setSeed(42L);
        P4n4.builder().secretGenerator(io.p4n4.core.secrets.SecretGenerator.of(random)).build().projectService()
                .init(InitOptions.of(dir, List.of(StackId.IOT)));
        return Files.readString(dir.resolve(".env")).replace(dir.getFileName().toString(), "");
    }

    @Test
    void envValuesAreExpandedFromTheGivenEnvironment() throws Exception {
        Project p = P4n4.builder().environment(Map.of()).build().projectService()
                .init(InitOptions.of(tmp.resolve("e"), List.of(StackId.IOT)));
        Path env = p.directory().resolve(".env");
        Files.writeString(env, Files.readString(env).replaceFirst("(?m)^INFLUXDB_ORG=.*$", "INFLUXDB_ORG=\\${SITE_ORG}"));
        ValidationReport without = P4n4.builder().environment(Map.of()).build().projectService().validate(p.directory());
        assertThat(without.errors()).extracting(x -> x.key()).containsExactly("INFLUXDB_ORG");
        ValidationReport with = P4n4.builder().environment(Map.of("SITE_ORG", "acme")).build().projectService()
                .validate(p.directory());
        assertThat(with.ok()).isTrue();
    }
}
