package io.p4n4.compose;

import static org.assertj.core.api.Assertions.assertThat;

import io.p4n4.api.P4n4Exception;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random mutations of a real compose file (characters replaced, inserted, deleted, lines swapped):
 * every outcome is a loaded project or a {@link P4n4Exception}, never another exception. The seed
 * is fixed so a failure can be replayed; it is printed with the failing input.
 */
class ComposeFuzzTest {
    private static final String ALPHABET = "abc:-[]{}&*!|>'\"#$%{}\n\t ,.0123456789?~<=@`\\";

    @Test
    void mutatedComposeFilesLoadOrFailWithP4n4Exception() throws Exception {
        Path dir = ComposeCorpus.upstream("iot");
        String original = Files.readString(dir.resolve("docker-compose.yml"));
        Random random = new Random(20261122L);
        int loaded = 0;
        int rejected = 0;
        for (int round = 0; round < 400; round++) {
            String mutated = mutate(original, random, 1 + random.nextInt(4));
            try {
                ComposeLoader.load(LoadOptions.builder()
                        .source(ComposeSource.inline(dir.resolve("fuzz.yaml"), mutated))
                        .environment(Map.of()).defaultEnvFile(false).build());
                loaded++;
            } catch (P4n4Exception expected) {
                assertThat(expected.getMessage()).isNotBlank();
                rejected++;
            } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                throw new AssertionError("round " + round + " threw " + e + " for input:\n" + mutated, e);
            }
        }
        assertThat(loaded + rejected).isEqualTo(400);
        assertThat(rejected).as("mutations are mostly invalid").isPositive();
    }

    private static String mutate(String text, Random random, int edits) {
        StringBuilder sb = new StringBuilder(text);
        for (int i = 0; i < edits && sb.length() > 0; i++) {
            int at = random.nextInt(sb.length());
            char c = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
            switch (random.nextInt(3)) {
                case 0 -> sb.setCharAt(at, c);
                case 1 -> sb.insert(at, c);
                default -> sb.deleteCharAt(at);
            }
        }
        return sb.toString();
    }
}
