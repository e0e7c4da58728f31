package io.p4n4.junit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.p4n4.compose.ComposeProject;
import io.p4n4.junit.ComposeSetup;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The overlay puts the run label on every service, network and volume of the loaded model. */
class LabelOverlayTest {

    @Test
    void everyServiceNetworkAndVolumeGetsTheLabels() {
        ComposeSetup setup = ComposeSetup.builder("src/test/resources/compose/web.yml").build();
        ComposeProject plain = ProjectLoading.load(setup, "overlay-test");
        ComposeProject labelled = ProjectLoading.withLabels(setup, plain, Map.of(RunLabels.RUN, "h/1/2",
                "quote\"and$dollar", "v$1"));

        assertThat(labelled.services().values()).allSatisfy(s ->
                assertThat(s.labels()).containsEntry(RunLabels.RUN, "h/1/2").containsEntry("quote\"and$dollar", "v$1"));
        assertThat(labelled.networks().values()).allSatisfy(n -> assertThat(n.labels())
                .containsEntry(RunLabels.RUN, "h/1/2"));
        assertThat(labelled.volumes().values()).allSatisfy(v -> assertThat(v.labels())
                .containsEntry(RunLabels.RUN, "h/1/2"));
        assertThat(labelled.networks()).containsOnlyKeys("default");
        assertThat(labelled.volumes()).containsOnlyKeys("data");
    }

    @Test
    void theConfigHashChangesWithTheServicesBroughtUp() {
        ComposeSetup all = ComposeSetup.builder("src/test/resources/compose/web.yml").build();
        ComposeSetup web = ComposeSetup.builder("src/test/resources/compose/web.yml").services("web").build();
        ComposeProject p = ProjectLoading.load(all, "hash-test");
        assertThat(ProjectLoading.configHash(all, p)).isEqualTo(ProjectLoading.configHash(all, p))
                .isNotEqualTo(ProjectLoading.configHash(web, p));
    }
}
