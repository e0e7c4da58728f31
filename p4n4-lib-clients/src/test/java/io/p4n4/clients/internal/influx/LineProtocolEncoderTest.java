package io.p4n4.clients.internal.influx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import io.p4n4.api.clients.influx.Point;
import io.p4n4.api.clients.influx.WritePrecision;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LineProtocolEncoderTest {

    private static String lp(Point.Builder b) {
        return LineProtocolEncoder.encode(b.build(), WritePrecision.NS);
    }

    @Test
    void writesMeasurementSortedTagsFieldsAndTime() {
        String line = lp(Point.builder("cpu").tag("region", "eu").tag("host", "a").field("usage", 0.5)
                .field("count", 3L).time(1_700_000_000_000_000_000L, WritePrecision.NS));
        assertThat(line).isEqualTo("cpu,host=a,region=eu usage=0.5,count=3i 1700000000000000000");
    }

    @Test
    void escapesCommasAndSpacesInMeasurementButNotEquals() {
        assertThat(lp(Point.builder("my meas,x=1").field("v", 1L))).isEqualTo("my\\ meas\\,x=1 v=1i");
    }

    @Test
    void escapesCommasEqualsAndSpacesInTagKeysTagValuesAndFieldKeys() {
        String line = lp(Point.builder("m").tag("k ey,=", "v al,=ue").field("f =,k", true));
        assertThat(line).isEqualTo("m,k\\ ey\\,\\==v\\ al\\,\\=ue f\\ \\=\\,k=true");
    }

    @Test
    void escapesQuotesAndBackslashesInStringFieldsAndKeepsNewlines() {
        String line = lp(Point.builder("m").field("s", "say \"hi\" C:\\dir\nnext"));
        assertThat(line).isEqualTo("m s=\"say \\\"hi\\\" C:\\\\dir\nnext\"");
    }

    @Test
    void writesBackslashesOutsideStringFieldsAsTheyAre() {
        // InfluxDB unescapes only "\\,", "\\ " and "\\=" there: a doubled backslash would be stored doubled
        assertThat(lp(Point.builder("m").tag("path", "C:\\dir").field("v", 1L))).isEqualTo("m,path=C:\\dir v=1i");
        assertThat(lp(Point.builder("m").tag("region", "\\ east").field("v", 1L)))
                .isEqualTo("m,region=\\\\ east v=1i");
        assertThat(lp(Point.builder("m").tag("t", "a\\,b").field("v", 1L))).isEqualTo("m,t=a\\\\,b v=1i");
        assertThat(lp(Point.builder("x\\\\y").tag("k\\=", "v").field("f\\\\x", 1L)))
                .isEqualTo("x\\\\y,k\\\\==v f\\\\x=1i");
    }

    @Test
    void refusesATrailingBackslashWhereItWouldEscapeTheDelimiter() {
        assertThatThrownBy(() -> Point.builder("x\\")).isInstanceOf(P4n4Exception.class)
                .hasMessageContaining("measurement name").hasMessageContaining("ends with a backslash")
                .extracting(e -> ((P4n4Exception) e).code()).isEqualTo(ErrorCode.VALIDATION);
        assertThatThrownBy(() -> Point.builder("m").tag("host", "a\\"))
                .hasMessageContaining("value of tag 'host'").hasMessageContaining("ends with a backslash");
        assertThatThrownBy(() -> Point.builder("m").tag("k\\", "v")).hasMessageContaining("tag key 'k\\'");
        assertThatThrownBy(() -> Point.builder("m").field("f\\", 1L)).hasMessageContaining("field key 'f\\'");
        // a string field value escapes its backslashes, so one may end with a backslash
        assertThat(lp(Point.builder("m").field("s", "dir\\"))).isEqualTo("m s=\"dir\\\\\"");
    }

    @Test
    void writesEveryFieldType() {
        String line = lp(Point.builder("m").field("f", 1.25).field("whole", 3.0).field("i", -7L)
                .unsignedField("u", -1L).field("b", false).field("s", ""));
        assertThat(line).isEqualTo("m f=1.25,whole=3,i=-7i,u=18446744073709551615u,b=false,s=\"\"");
    }

    @Test
    void floatsRoundTripWithoutLoss() {
        double[] values = {0.1, 1e-300, 123456789.123456789, Double.MAX_VALUE, -Double.MIN_VALUE, 9007199254740993.0,
            1e22, -0.0, 0.0, -1.5, 0.001, -0.0625, 20.125, 1.00000001, 0.30000000000000004, 4503599627370495.5};
        for (double v : values) {
            StringBuilder sb = new StringBuilder();
            LineProtocolEncoder.appendDouble(sb, v);
            assertThat(Double.parseDouble(sb.toString())).as(sb.toString()).isEqualTo(v);
        }
        java.util.SplittableRandom random = new java.util.SplittableRandom(42);
        for (int i = 0; i < 200_000; i++) {
            double v = switch (i % 4) {
                case 0 -> Math.round(random.nextDouble(-1e6, 1e6) * 1000) / 1000.0;
                case 1 -> random.nextDouble(-100, 100);
                case 2 -> Double.longBitsToDouble(random.nextLong());
                default -> random.nextInt(-100_000, 100_000) / 100.0;
            };
            if (Double.isNaN(v) || Double.isInfinite(v)) {
                continue;
            }
            StringBuilder sb = new StringBuilder();
            LineProtocolEncoder.appendDouble(sb, v);
            assertThat(Double.parseDouble(sb.toString())).as(sb.toString()).isEqualTo(v);
        }
    }

    @Test
    void writesShortDecimalsInPlainNotation() {
        assertThat(encodeDouble(20.125)).isEqualTo("20.125");
        assertThat(encodeDouble(-0.05)).isEqualTo("-0.05");
        assertThat(encodeDouble(0.001)).isEqualTo("0.001");
        assertThat(encodeDouble(1.000001)).isEqualTo("1.000001");
        assertThat(encodeDouble(-3.0)).isEqualTo("-3");
        assertThat(encodeDouble(-0.0)).isEqualTo("-0.0");
    }

    private static String encodeDouble(double v) {
        StringBuilder sb = new StringBuilder();
        LineProtocolEncoder.appendDouble(sb, v);
        return sb.toString();
    }

    @Test
    void rejectsNaNAndInfinityNamingTheField() {
        assertThatThrownBy(() -> Point.builder("m").field("temp", Double.NaN))
                .isInstanceOf(P4n4Exception.class).hasMessageContaining("'temp'").hasMessageContaining("'m'")
                .extracting(e -> ((P4n4Exception) e).code()).isEqualTo(ErrorCode.VALIDATION);
        assertThatThrownBy(() -> Point.builder("m").field("temp", Double.POSITIVE_INFINITY))
                .hasMessageContaining("Infinity");
    }

    @Test
    void rejectsPointsWithoutFieldsAndLineBreaksInKeys() {
        assertThatThrownBy(() -> Point.builder("m").tag("a", "b").build()).hasMessageContaining("no fields");
        assertThatThrownBy(() -> Point.builder("m").tag("a", "b\nc")).hasMessageContaining("line break");
        assertThatThrownBy(() -> Point.builder("m\r")).hasMessageContaining("line break");
        assertThatThrownBy(() -> Point.builder("")).hasMessageContaining("measurement");
    }

    @Test
    void omitsEmptyTagsAndLetsLaterValuesWin() {
        String line = lp(Point.builder("m").tag("a", "1").tag("b", "").tag("a", "2").tag("c", null)
                .field("v", 1L).field("v", 2L));
        assertThat(line).isEqualTo("m,a=2 v=2i");
    }

    @Test
    void convertsTimeToTheRequestedPrecision() {
        Point p = Point.builder("m").field("v", 1L).time(1_500L, WritePrecision.MS).build();
        assertThat(LineProtocolEncoder.encode(p, WritePrecision.NS)).endsWith(" 1500000000");
        assertThat(LineProtocolEncoder.encode(p, WritePrecision.S)).endsWith(" 1");
        Point fromInstant = Point.builder("m").field("v", 1L)
                .time(Instant.parse("2024-01-01T00:00:00.123456789Z"), WritePrecision.US).build();
        assertThat(LineProtocolEncoder.encode(fromInstant, WritePrecision.US)).endsWith(" 1704067200123456");
    }

    @Test
    void reportsTimesThatOverflowThePrecision() {
        Point p = Point.builder("m").field("v", 1L).time(Long.MAX_VALUE / 10, WritePrecision.S).build();
        assertThatThrownBy(() -> LineProtocolEncoder.encode(p, WritePrecision.NS))
                .isInstanceOf(P4n4Exception.class).hasMessageContaining("does not fit");
    }

    @Test
    void appendsToAReusableBuffer() {
        StringBuilder sb = new StringBuilder();
        Point p = Point.builder("m").field("v", 1L).build();
        LineProtocolEncoder.append(sb, p, WritePrecision.NS);
        sb.append('\n');
        LineProtocolEncoder.append(sb, p, WritePrecision.NS);
        assertThat(sb).hasToString("m v=1i\nm v=1i");
    }
}
