package io.p4n4.compose.interpolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import io.p4n4.compose.interpolation.InterpolationException.Kind;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Random templates over an alphabet rich in the template's special characters: the scanner must
 * return a string or throw {@link InterpolationException}, never anything else, and must agree with
 * a literal model of compose-go's algorithm ({@link ComposeGoOracle}).
 */
class TemplateScannerFuzzTest {
    private static final String ALPHABET = "$$$${{}}}::--??++AB_x1 \n\"\\é";
    private static final Map<String, String> ENV = Map.of("A", "a", "B", "", "x", "$B}");

    @Test
    @Timeout(60)
    void randomTemplatesAgreeWithComposeGo() {
        Random random = new Random(20261122L);
        int checked = 0;
        for (int round = 0; round < 30_000; round++) {
            String template = randomTemplate(random, 1 + random.nextInt(24));
            ComposeGoOracle.Outcome expected = ComposeGoOracle.run(template, ENV);
            String actual;
            try {
                actual = Interpolation.interpolate(template, ENV::get);
            } catch (InterpolationException e) {
                assertThat(expected.error()).as("template %s gave %s", quote(template), e.getMessage()).isNotNull();
                if (e.kind() == Kind.MISSING_REQUIRED) {
                    assertThat(expected.error()).startsWith("missing:" + e.variable().orElseThrow() + ":");
                    String reason = expected.error().substring(("missing:" + e.variable().get() + ":").length());
                    assertThat(e.getMessage()).contains(reason.isEmpty() ? "is missing a value (" : ": " + reason);
                } else {
                    assertThat(expected.error()).as(quote(template)).startsWith("invalid:");
                    String inner = expected.error().substring("invalid:".length());
                    assertThat(e.getMessage()).as(quote(template))
                            .startsWith("Invalid template: " + io.p4n4.compose.interpolation.internal.GoQuote.quote(inner));
                }
                checked++;
                continue;
            } catch (RuntimeException | StackOverflowError e) {
                fail("template " + quote(template) + " threw " + e);
                return;
            }
            assertThat(actual).as("template %s", quote(template)).isEqualTo(expected.value());
            checked++;
        }
        assertThat(checked).isEqualTo(30_000);
    }

    @Test
    @Timeout(60)
    void randomTemplatesNeverBreakReferences() {
        Random random = new Random(7L);
        for (int round = 0; round < 20_000; round++) {
            String template = randomTemplate(random, 1 + random.nextInt(40));
            try {
                Interpolation.references(template).forEach(r -> assertThat(r.name()).isNotEmpty());
            } catch (InterpolationException e) {
                assertThat(e.kind()).isEqualTo(Kind.INVALID_TEMPLATE);
            }
        }
    }

    @Test
    void tenThousandNestedDefaultsAreRefusedWithoutStackOverflow() {
        String deep = "${A:-".repeat(10_000) + "x" + "}".repeat(10_000);
        long start = System.nanoTime();
        assertThatThrownBy(() -> Interpolation.interpolate(deep, name -> null))
                .isInstanceOfSatisfying(InterpolationException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.INVALID_TEMPLATE);
                    assertThat(e.getMessage()).contains("nested more than 100 levels");
                });
        assertThatThrownBy(() -> Interpolation.references(deep)).isInstanceOf(InterpolationException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void nestingIsCheckedBeforeEvaluationSoUnusedDefaultsCountToo() {
        String deep = "${A:-".repeat(101) + "x" + "}".repeat(101);
        assertThatThrownBy(() -> Interpolation.interpolate(deep, name -> "set"))
                .isInstanceOfSatisfying(InterpolationException.class, e -> {
                    assertThat(e.template()).isEmpty();
                    assertThat(e.getMessage()).startsWith("Invalid template: variable references are nested more");
                });
        String hundred = "${A:-".repeat(100) + "x" + "}".repeat(100);
        assertThat(Interpolation.interpolate(hundred, name -> null)).isEqualTo("x");
        assertThat(Interpolation.references(hundred)).hasSize(100);
    }

    @Test
    @Timeout(10)
    void twelveMegabytesOfNestingAreRefusedInOnePass() {
        String deep = "${A:-".repeat(2_000_000) + "x" + "}".repeat(2_000_000);
        long start = System.nanoTime();
        assertThatThrownBy(() -> Interpolation.interpolate(deep, name -> null, "services.x.image"))
                .hasMessage("invalid interpolation format for services.x.image: variable references are nested more"
                        + " than 100 levels deep; simplify the value");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void resultsThatGrowBeyondFourMebicharactersAreRefused() {
        String big = "x".repeat(1 << 20);
        assertThat(Interpolation.interpolate("$A$A$A", name -> big)).hasSize(3 << 20);
        assertThatThrownBy(() -> Interpolation.interpolate("$A$A$A$A$A", name -> big))
                .isInstanceOfSatisfying(InterpolationException.class,
                        e -> assertThat(e.getMessage()).contains("longer than 4194304 characters"));
        String longTemplate = "y".repeat(5 << 20) + "$A";
        assertThat(Interpolation.interpolate(longTemplate, name -> "z")).hasSize((5 << 20) + 1);
    }

    @Test
    @Timeout(10)
    void manyReferencesOnOneLongLineStayFast() {
        String line = "${A:-x}$B ${C-y}".repeat(20_000);
        String result = Interpolation.interpolate(line, Map.of("B", "b")::get);
        assertThat(result).isEqualTo("xb y".repeat(20_000));
        assertThat(Interpolation.references(line)).hasSize(60_000);
    }

    private static String randomTemplate(Random random, int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    private static String quote(String s) {
        return io.p4n4.compose.interpolation.internal.GoQuote.quote(s);
    }
}
