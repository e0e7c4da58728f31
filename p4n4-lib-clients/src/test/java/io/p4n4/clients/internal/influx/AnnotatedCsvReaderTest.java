package io.p4n4.clients.internal.influx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.ServiceException;
import io.p4n4.api.clients.influx.FluxColumn;
import io.p4n4.api.clients.influx.FluxRecord;
import io.p4n4.clients.internal.http.CallContext;
import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnnotatedCsvReaderTest {
    private static final CallContext CTX = new CallContext("influxdb", "POST", "/api/v2/query",
            "http://localhost:8086/api/v2/query");

    /** Two tables of one schema, then a second schema after an empty line, as influxd sends them (CRLF). */
    static final String TWO_SCHEMAS = String.join("\r\n",
            "#datatype,string,long,dateTime:RFC3339,dateTime:RFC3339,dateTime:RFC3339,double,string,string,string",
            "#group,false,false,true,true,false,false,true,true,true",
            "#default,_result,,,,,,,,",
            ",result,table,_start,_stop,_time,_value,_field,_measurement,host",
            ",,0,2024-01-01T00:00:00Z,2024-01-02T00:00:00Z,2024-01-01T10:00:00Z,21.5,temp,air,a",
            ",,0,2024-01-01T00:00:00Z,2024-01-02T00:00:00Z,2024-01-01T11:00:00.123456789Z,22,temp,air,a",
            ",,1,2024-01-01T00:00:00Z,2024-01-02T00:00:00Z,2024-01-01T10:00:00Z,-Inf,temp,air,b",
            "",
            "#datatype,string,long,dateTime:RFC3339,long,string,string,string",
            "#group,false,false,true,false,true,true,true",
            "#default,_result,,,,,,",
            ",result,table,_stop,_value,_field,_measurement,host",
            ",,2,2024-01-02T00:00:00Z,42,count,air,a",
            "", "");

    static List<FluxRecord> readAll(String csv) throws IOException {
        List<FluxRecord> out = new ArrayList<>();
        boolean complete = new AnnotatedCsvReader(new StringReader(csv), CTX).read(out::add);
        assertThat(complete).isTrue();
        return out;
    }

    @Test
    void readsSeveralTablesAndSchemasWithTypedValues() throws IOException {
        List<FluxRecord> records = readAll(TWO_SCHEMAS);
        assertThat(records).hasSize(4);
        FluxRecord first = records.get(0);
        assertThat(first.table()).isZero();
        assertThat(first.value("result")).isEqualTo("_result");
        assertThat(first.time()).isEqualTo(Instant.parse("2024-01-01T10:00:00Z"));
        assertThat(first.value()).isEqualTo(21.5);
        assertThat(first.field()).isEqualTo("temp");
        assertThat(first.measurement()).isEqualTo("air");
        assertThat(records.get(1).time()).isEqualTo(Instant.parse("2024-01-01T11:00:00.123456789Z"));
        assertThat(records.get(1).value()).isEqualTo(22.0);
        assertThat(records.get(2).table()).isEqualTo(1);
        assertThat(records.get(2).value()).isEqualTo(Double.NEGATIVE_INFINITY);
        FluxRecord other = records.get(3);
        assertThat(other.table()).isEqualTo(2);
        assertThat(other.value()).isEqualTo(42L);
        assertThat(other.columns()).extracting(FluxColumn::label)
                .containsExactly("result", "table", "_stop", "_value", "_field", "_measurement", "host");
        assertThat(other.findValue("_time")).isEmpty();
        assertThat(first.columns().get(2)).isEqualTo(new FluxColumn(2, "_start", "dateTime:RFC3339", true, null));
    }

    @Test
    void typesEveryAnnotatedCsvDatatype() throws IOException {
        String csv = String.join("\n",
                "#datatype,string,long,unsignedLong,double,boolean,string,base64Binary,duration,duration,dateTime:RFC3339Nano",
                "#group,false,false,false,false,false,false,false,false,false,false",
                "#default,_result,,,,,,,,,",
                ",result,table,u,d,b,s,bin,dur,lit,t",
                ",,0,18446744073709551615,1.5e300,true,plain,aGVsbG8=,90000000000,1h30m,2024-05-06T07:08:09.5+02:00",
                ",,0,,NaN,false,,,,-250ms,");
        List<FluxRecord> r = readAll(csv);
        assertThat(r.get(0).value("u")).isEqualTo(-1L);
        assertThat(r.get(0).value("d")).isEqualTo(1.5e300);
        assertThat(r.get(0).value("b")).isEqualTo(true);
        assertThat(r.get(0).value("s")).isEqualTo("plain");
        assertThat((byte[]) r.get(0).value("bin")).asString().isEqualTo("hello");
        assertThat(r.get(0).value("dur")).isEqualTo(Duration.ofSeconds(90));
        assertThat(r.get(0).value("lit")).isEqualTo(Duration.ofMinutes(90));
        assertThat(r.get(0).value("t")).isEqualTo(Instant.parse("2024-05-06T05:08:09.5Z"));
        assertThat(r.get(1).value("u")).isNull();
        assertThat((Double) r.get(1).value("d")).isNaN();
        assertThat(r.get(1).value("b")).isEqualTo(false);
        assertThat(r.get(1).value("s")).isNull();
        assertThat(r.get(1).value("lit")).isEqualTo(Duration.ofMillis(-250));
    }

    @Test
    void readsQuotedFieldsWithCommasQuotesAndLineBreaks() throws IOException {
        String csv = "#datatype,string,long,string\r\n#group,false,false,false\r\n#default,_result,,\r\n"
                + ",result,table,_value\r\n"
                + ",,0,\"a, \"\"quoted\"\"\r\nmulti-line value\"\r\n"
                + ",,0,after\r\n";
        List<FluxRecord> r = readAll(csv);
        assertThat(r).extracting(FluxRecord::value).containsExactly("a, \"quoted\"\r\nmulti-line value", "after");
    }

    @Test
    void turnsTheFluxErrorTableIntoAValidationError() {
        String csv = "#datatype,string,string\r\n#group,true,true\r\n#default,,\r\n,error,reference\r\n"
                + ",\"failed to create physical plan: invalid time bounds from procedure from: bounds contain zero time\",897\r\n";
        assertThatThrownBy(() -> readAll(csv)).isInstanceOfSatisfying(ServiceException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION);
            assertThat(e.serverMessage()).contains("failed to create physical plan: invalid time bounds from procedure"
                    + " from: bounds contain zero time");
            assertThat(e.getMessage()).contains("reference 897").contains("/api/v2/query");
        });
    }

    @Test
    void reportsAMalformedCellWithLineAndColumn() {
        String csv = "#datatype,string,long,long\n#group,false,false,false\n#default,_result,,\n,result,table,_value\n"
                + ",,0,1\n,,0,12x\n";
        assertThatThrownBy(() -> readAll(csv)).isInstanceOfSatisfying(ServiceException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.NETWORK);
            assertThat(e.getMessage()).contains("line 6").contains("'_value' (long)");
        });
    }

    @Test
    void reportsAnUnterminatedQuote() {
        String csv = "#datatype,string\n#group,false\n#default,\n,_value\n,\"open";
        assertThatThrownBy(() -> readAll(csv)).isInstanceOf(IOException.class).hasMessageContaining("not closed");
    }

    @Test
    void stopsWhenTheHandlerSaysSo() throws IOException {
        List<FluxRecord> seen = new ArrayList<>();
        boolean complete = new AnnotatedCsvReader(new StringReader(TWO_SCHEMAS), CTX).read(r -> {
            seen.add(r);
            return seen.size() < 2;
        });
        assertThat(complete).isFalse();
        assertThat(seen).hasSize(2);
    }

    @Test
    void readsAHeaderOnlyResponseWithoutAnnotationsAsStrings() throws IOException {
        List<FluxRecord> r = readAll("result,table,_value\r\n_result,0,7\r\n");
        assertThat(r).singleElement().satisfies(rec -> {
            assertThat(rec.value()).isEqualTo("7");
            assertThat(rec.value("result")).isEqualTo("_result");
        });
    }

    @Test
    void readsAnEmptyResult() throws IOException {
        assertThat(readAll("\r\n")).isEmpty();
        assertThat(readAll("")).isEmpty();
    }
}
