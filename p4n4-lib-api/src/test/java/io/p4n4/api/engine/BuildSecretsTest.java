package io.p4n4.api.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Build arguments may carry secrets: they stay out of toString() and out of build output and errors. */
class BuildSecretsTest {

    @Test
    void buildSpecNamesArgumentsButNeverShowsTheirValues() {
        BuildSpec spec = BuildSpec.builder(Path.of("/ctx"), "app:1").args(Map.of("NPM_TOKEN", "s3cr3t-token-value"))
                .build();

        assertThat(spec.toString()).contains("NPM_TOKEN").doesNotContain("s3cr3t-token-value");
    }

    @Test
    void outputTailMasksSecretValuesInWhatItPassesOnAndKeeps() {
        List<String> passed = new CopyOnWriteArrayList<>();
        OutputTail tail = new OutputTail(passed::add, 2, List.of("s3cr3t-token-value", "ab"));

        tail.accept("STEP 1/2: RUN echo s3cr3t-token-value > /token");
        tail.accept("");
        tail.accept("ab is short, so it stays");
        tail.accept("done\n");

        assertThat(passed).containsExactly("STEP 1/2: RUN echo **** > /token", "", "ab is short, so it stays", "done");
        assertThat(tail.text()).isEqualTo("ab is short, so it stays\ndone");
    }
}
