package io.p4n4.compose.interpolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.p4n4.api.ErrorCode;
import io.p4n4.compose.interpolation.InterpolationException.Kind;
import io.p4n4.compose.interpolation.VariableReference.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InterpolationTest {

    @Test
    void referencesListsEveryVariableInOrderWithModifierAndRawArgument() {
        List<VariableReference> refs = Interpolation.references(
                "$A ${B} ${C:-${D}} ${E-e} ${F:?must set} ${G?} ${H:+h} ${I+$J} $$K");
        assertThat(refs).containsExactly(
                VariableReference.of("A"),
                VariableReference.of("B"),
                new VariableReference("C", Modifier.DEFAULT_IF_UNSET_OR_EMPTY, "${D}"),
                VariableReference.of("D"),
                new VariableReference("E", Modifier.DEFAULT_IF_UNSET, "e"),
                new VariableReference("F", Modifier.REQUIRED_NON_EMPTY, "must set"),
                new VariableReference("G", Modifier.REQUIRED, ""),
                new VariableReference("H", Modifier.ALTERNATE_IF_NON_EMPTY, "h"),
                new VariableReference("I", Modifier.ALTERNATE_IF_SET, "$J"),
                VariableReference.of("J"));
    }

    @Test
    void requiredMeansAnEmptyValueLeavesTheResultIncomplete() {
        assertThat(Interpolation.references("${A} ${B:-x} ${C-x} ${D:?x} ${E?x} ${F:+x} ${G+x}"))
                .filteredOn(VariableReference::required)
                .extracting(VariableReference::name)
                .containsExactly("A", "D", "E");
    }

    @Test
    void referencesRejectsAnInvalidTemplate() {
        assertThatThrownBy(() -> Interpolation.references("ok ${A:-${}}"))
                .isInstanceOfSatisfying(InterpolationException.class,
                        e -> assertThat(e.kind()).isEqualTo(Kind.INVALID_TEMPLATE));
    }

    @Test
    void referenceToStringIsTheTemplateSyntax() {
        assertThat(new VariableReference("A", Modifier.DEFAULT_IF_UNSET, "b")).hasToString("${A-b}");
        assertThat(VariableReference.of("A")).hasToString("${A}");
        assertThatThrownBy(() -> new VariableReference("A", Modifier.NONE, "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void missingRequiredNamesTheVariableAndSaysWhatToDo() {
        assertThatThrownBy(() -> Interpolation.interpolate("${TOKEN:?needed by influx}", Map.<String, String>of()::get))
                .isInstanceOfSatisfying(InterpolationException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION);
                    assertThat(e.variable()).contains("TOKEN");
                    assertThat(e.path()).isEmpty();
                    assertThat(e.getMessage()).isEqualTo("required variable TOKEN is missing a value: needed by influx"
                            + " (set TOKEN in the environment or the .env file)");
                });
    }

    @Test
    void invalidTemplateInsideAnArgumentQuotesTheArgumentLikeComposeGo() {
        assertThatThrownBy(() -> Interpolation.interpolate("x ${A:-${}}", name -> null))
                .hasMessageStartingWith("Invalid template: \"${}\"");
    }

    @Test
    void invalidTemplateAfterAReferenceQuotesTheRestOfTheLine() {
        assertThatThrownBy(() -> Interpolation.interpolate("${A-x} ${}", name -> null))
                .hasMessageStartingWith("Invalid template: \" ${}\"");
    }

    @Test
    void invalidTemplateQuotesLikeGo() {
        assertThatThrownBy(() -> Interpolation.interpolate("a\"\\\t${", name -> null))
                .isInstanceOfSatisfying(InterpolationException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.ENGINE);
                    assertThat(e.variable()).isEmpty();
                    assertThat(e.getMessage()).startsWith("Invalid template: \"a\\\"\\\\\\t${\"");
                });
    }

    @Test
    void pathQualifiedInvalidTemplateIsThreeLines() {
        assertThatThrownBy(() -> Interpolation.interpolate("${A:x}", name -> null, "services.web.image"))
                .isInstanceOfSatisfying(InterpolationException.class, e -> {
                    assertThat(e.path()).contains("services.web.image");
                    assertThat(e.getMessage()).isEqualTo("invalid interpolation format for services.web.image.\n"
                            + "You may need to escape any $ with another $.\n${A:x}");
                });
    }

    @Test
    void defaultWithANewlineIsInvalidLikeComposeGo() {
        assertThatThrownBy(() -> Interpolation.interpolate("${A:-x\n}", name -> null))
                .isInstanceOf(InterpolationException.class);
        assertThat(Interpolation.interpolate("${A:-x}\n${B:-y}", name -> null)).isEqualTo("x\ny");
    }

    @Test
    void valuesAreInsertedVerbatim() {
        assertThat(Interpolation.interpolate("$A", Map.of("A", "${B} $$")::get)).isEqualTo("${B} $$");
    }

    @Test
    void unsetPlainReferencesAreReported() {
        List<String> unset = new ArrayList<>();
        assertThat(Interpolation.interpolate("$A ${B} ${C:-$D} $E", Map.of("E", "e")::get, null, unset::add))
                .isEqualTo("   e");
        assertThat(unset).containsExactly("A", "B", "D");
    }

    @Test
    void braceCountingFollowsComposeGo() {
        // compose-go's counter hides the character after each '{', so "{}" inside a default does not close
        assertThat(Interpolation.interpolate("${A:-{}} x}", name -> null)).isEqualTo("{}} x");
        assertThat(Interpolation.interpolate("${A:-{x}}", name -> null)).isEqualTo("{x}");
        assertThat(Interpolation.interpolate("${A:-{x}}", name -> "v")).isEqualTo("v");
    }

    @Test
    void modifierIsFoundByItsOperator() {
        assertThat(Modifier.findByOperator(":+")).contains(Modifier.ALTERNATE_IF_NON_EMPTY);
        assertThat(Modifier.findByOperator("")).isEmpty();
        assertThat(Modifier.REQUIRED.operator()).isEqualTo("?");
    }

    @Test
    void namesFoldLikeGoRegexpsIncludingKelvinSignAndLongS() {
        // observed with compose-go: "$\u212a ${\u017f:-d} $s\u212a" -> "kelvin d " (one unset warning)
        List<String> unset = new ArrayList<>();
        assertThat(Interpolation.interpolate("$\u212a ${\u017f:-d} $s\u212a", Map.of("\u212a", "kelvin")::get, null,
                unset::add)).isEqualTo("kelvin d ");
        assertThat(unset).containsExactly("s\u212a");
    }
}
