package io.p4n4.api.clients.influx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class PointTest {

    @Test
    void aBuilderUsedAfterBuildDoesNotChangeTheBuiltPoint() {
        Point.Builder b = Point.builder("m").tag("b", "1").field("v", 1L);
        Point first = b.build();
        b.tag("a", "2").field("v", 2L).field("s", "text");
        Point second = b.build();
        assertThat(first.tags()).containsExactly(java.util.Map.entry("b", "1"));
        assertThat(first.fields()).containsExactly(java.util.Map.entry("v", 1L));
        assertThat(second.tags()).containsExactly(java.util.Map.entry("a", "2"), java.util.Map.entry("b", "1"));
        assertThat(second.fields()).containsExactly(java.util.Map.entry("v", 2L), java.util.Map.entry("s", "text"));
    }

    @Test
    void exposesTypedFieldsAndEqualityByValue() {
        Point p = Point.builder("m").field("f", 1.5).unsignedField("u", -1L).field("b", true).field("s", "x")
                .time(7, WritePrecision.S).build();
        assertThat(p.fieldType(0)).isEqualTo(FieldType.FLOAT);
        assertThat(p.fieldDouble(0)).isEqualTo(1.5);
        assertThat(p.fields().get("u")).isEqualTo(new BigInteger("18446744073709551615"));
        assertThat(p.fieldBoolean(2)).isTrue();
        assertThat(p.fieldString(3)).isEqualTo("x");
        assertThat(p.fieldString(0)).isNull();
        assertThat(p.time()).hasValue(7);
        assertThat(p.precision()).hasValue(WritePrecision.S);
        Point same = Point.builder("m").field("f", 1.5).unsignedField("u", -1L).field("b", true).field("s", "x")
                .time(7, WritePrecision.S).build();
        assertThat(p).isEqualTo(same).hasSameHashCodeAs(same);
        assertThat(p).isNotEqualTo(Point.builder("m").field("f", 1.5).build());
    }

    @Test
    void manyTagsAndFieldsGrowTheArrays() {
        Point.Builder b = Point.builder("m");
        for (int i = 9; i >= 0; i--) {
            b.tag("t" + i, "v" + i).field("f" + i, (long) i);
        }
        Point p = b.build();
        assertThat(p.tagCount()).isEqualTo(10);
        assertThat(p.tagKey(0)).isEqualTo("t0");
        assertThat(p.tagKey(9)).isEqualTo("t9");
        assertThat(p.fieldKey(0)).isEqualTo("f9");
        assertThat(p.fieldCount()).isEqualTo(10);
    }

    @Test
    void precisionConversionRoundsTowardsThePast() {
        assertThat(WritePrecision.S.convert(-1L, WritePrecision.MS)).isEqualTo(-1L);
        assertThat(WritePrecision.S.convert(1999L, WritePrecision.MS)).isEqualTo(1L);
        assertThat(WritePrecision.NS.convert(2L, WritePrecision.US)).isEqualTo(2000L);
        assertThat(WritePrecision.parse("MS")).isEqualTo(WritePrecision.MS);
    }

    @Test
    void refusesATrailingBackslashInNamesKeysAndTagValuesNamingWhere() {
        // InfluxDB would read it as escaping the delimiter after it and reject the whole batch
        assertThatThrownBy(() -> Point.builder("m").tag("host", "a\\")).isInstanceOf(P4n4Exception.class)
                .hasMessage("the value of tag 'host' of measurement 'm' ends with a backslash, which line protocol"
                        + " cannot carry there (it would escape the delimiter after it); remove it or add a"
                        + " character after it")
                .extracting(e -> ((P4n4Exception) e).code()).isEqualTo(ErrorCode.VALIDATION);
        assertThatThrownBy(() -> Point.builder("x\\")).hasMessageContaining("measurement name");
        assertThatThrownBy(() -> Point.builder("m").field("f\\", 1L)).hasMessageContaining("field key 'f\\'");
        assertThat(Point.builder("m\\x").tag("k", "a\\b").field("s", "ends\\").build().fieldString(0))
                .isEqualTo("ends\\");
    }
}
