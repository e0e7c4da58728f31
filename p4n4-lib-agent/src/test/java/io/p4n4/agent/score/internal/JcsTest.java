package io.p4n4.agent.score.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** RFC 8785 against its own published examples (test resources {@code vectors/}, sources in README.md). */
class JcsTest {

    @Test
    void section322SampleGivesThePublishedCanonicalForm() throws IOException {
        JsonNode input = Jcs.parse(resource("rfc8785-3.2.2-input.json"));
        assertThat(Jcs.canonicalize(input)).isEqualTo(resource("rfc8785-3.2.2-output.json"));
    }

    @Test
    void section323SortsByUtf16CodeUnits() throws IOException {
        JsonNode sorted = Jcs.parse(Jcs.canonicalize(Jcs.parse(resource("rfc8785-3.2.3-input.json"))));
        List<String> values = new ArrayList<>();
        sorted.elements().forEachRemaining(v -> values.add(v.textValue()));
        // the order printed in RFC 8785 section 3.2.3
        assertThat(values).containsExactly("Carriage Return", "One", "Control",
                "Latin Small Letter O With Diaeresis", "Euro Sign", "Emoji: Grinning Face",
                "Hebrew Letter Dalet With Dagesh");
    }

    static List<String[]> numbers() throws IOException {
        List<String[]> out = new ArrayList<>();
        for (String line : resource("rfc8785-numbers.txt").split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                out.add(line.trim().split(" "));
            }
        }
        assertThat(out).hasSize(26);
        return out;
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("numbers")
    void appendixBNumbers(String hex, String expected) {
        double value = Double.longBitsToDouble(Long.parseUnsignedLong(hex, 16));
        if (expected.equals("error")) {
            assertThatThrownBy(() -> JcsNumbers.write(value)).isInstanceOf(IllegalArgumentException.class);
        } else {
            assertThat(JcsNumbers.write(value)).isEqualTo(expected);
        }
    }

    @Test
    void controlCharactersUseLowercaseUnicodeEscapesAndOthersStayLiteral() throws IOException {
        assertThat(Jcs.canonicalize(Jcs.parse("{\"b\":\"\\u001f\\t\\u00e9\",\"a\":[1.0,-0,10]}")))
                .isEqualTo("{\"a\":[1,0,10],\"b\":\"\\u001f\\té\"}");
    }

    @Test
    void duplicateNamesAndInexactIntegersAreRefused() throws IOException {
        assertThatThrownBy(() -> Jcs.parse("{\"a\":1,\"a\":2}")).isInstanceOf(JsonProcessingException.class)
                .hasMessageContaining("Duplicate field 'a'");
        JsonNode big = Jcs.parse("{\"n\":9007199254740993}");
        assertThatThrownBy(() -> Jcs.canonicalize(big)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("9007199254740993");
    }

    static String resource(String name) throws IOException {
        try (InputStream in = JcsTest.class.getResourceAsStream("/vectors/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static byte[] hex(String text) {
        return text.equals("-") ? new byte[0] : HexFormat.of().parseHex(text);
    }
}
