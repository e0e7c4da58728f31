package io.p4n4.compose.env;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Property: whatever values are set, {@link DotEnv#parse} of the rendered document returns exactly
 * them, and lines holding other keys, comments and blank lines are unchanged.
 */
class EnvFileRoundTripTest {
    private static final String VALUE_ALPHABET = "aZ09 _-=:#$${}'\"\\\n\r\t.,/@!?*`~é漢\u00a0\u2003";
    private static final String[] SUPPLEMENTARY = {"😀", "𝄞"};
    private static final List<String> LINE_STYLES = List.of("%s=%s", "export %s=%s", "%s: %s", "  %s = %s # note",
            "%s=\"%s\"", "%s='%s'  # quoted");

    @Test
    void randomValuesReadBackExactly() {
        Random random = new Random(42L);
        for (int round = 0; round < 3_000; round++) {
            String eol = random.nextBoolean() ? "\n" : "\r\n";
            Map<String, String> original = new LinkedHashMap<>();
            List<String> lines = new ArrayList<>();
            lines.add("# header");
            for (int k = 0; k < 6; k++) {
                String key = "K" + k;
                String simple = "v" + random.nextInt(1000);
                original.put(key, simple);
                lines.add(String.format(LINE_STYLES.get(random.nextInt(LINE_STYLES.size())), key, simple));
                if (random.nextInt(3) == 0) {
                    lines.add(random.nextBoolean() ? "" : "# comment " + k);
                }
            }
            String text = String.join(eol, lines) + (random.nextBoolean() ? eol : "");
            EnvFile env = EnvFile.parse(text, null);
            assertThat(env.values()).isEqualTo(original);

            Map<String, String> expected = new LinkedHashMap<>(original);
            for (int change = 0; change < 4; change++) {
                String key = "K" + random.nextInt(9); // K6..K8 are new keys
                String value = randomValue(random);
                env = env.with(key, value);
                expected.put(key, value);
            }
            String rendered = env.render();
            assertThat(DotEnv.parse(rendered)).as("rendered:%n%s", rendered).isEqualTo(expected);
            assertThat(env.values()).isEqualTo(expected);
            for (String line : text.split(eol)) {
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String key = line.strip().replaceFirst("^export ", "").split("[=: ]", 2)[0];
                if (original.get(key).equals(expected.get(key))) {
                    assertThat(rendered).contains(line);
                }
            }
            assertThat(rendered).startsWith("# header" + eol);
        }
    }

    @Test
    void withoutThenParseDropsExactlyThatKey() {
        Random random = new Random(7L);
        for (int round = 0; round < 500; round++) {
            EnvFile env = EnvFile.empty();
            Map<String, String> expected = new LinkedHashMap<>();
            for (int k = 0; k < 5; k++) {
                String value = randomValue(random);
                env = env.with("K" + k, value);
                expected.put("K" + k, value);
            }
            String removed = "K" + random.nextInt(5);
            expected.remove(removed);
            assertThat(DotEnv.parse(env.without(removed).render())).isEqualTo(expected);
        }
    }

    private static String randomValue(Random random) {
        int length = random.nextInt(12);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++) {
            if (random.nextInt(20) == 0) {
                sb.append(SUPPLEMENTARY[random.nextInt(SUPPLEMENTARY.length)]);
            } else {
                sb.append(VALUE_ALPHABET.charAt(random.nextInt(VALUE_ALPHABET.length())));
            }
        }
        return sb.toString();
    }
}
