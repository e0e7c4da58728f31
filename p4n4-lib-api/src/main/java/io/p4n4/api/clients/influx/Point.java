package io.p4n4.api.clients.influx;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * One InfluxDB data point: a measurement, tags, typed fields and an optional timestamp. Built with
 * {@link #builder(String)}; validated when built, so a {@code Point} can always be written.
 *
 * <p>Tags are kept sorted by key (InfluxDB's recommended order); fields keep the order they were
 * added in. A repeated tag or field key replaces the earlier value. A tag with a {@code null} or
 * empty value is omitted, as InfluxDB requires. Immutable and thread-safe.
 */
public final class Point {
    private final String measurement;
    private final String[] tagKeys;
    private final String[] tagValues;
    private final String[] fieldKeys;
    private final FieldType[] fieldTypes;
    private final long[] fieldBits;
    private final String[] fieldStrings;
    private final int tagCount;
    private final int fieldCount;
    private final long time;
    private final WritePrecision precision;

    // takes the builder's arrays as they are: the builder copies them before changing them again
    private Point(Builder b) {
        this.measurement = b.measurement;
        this.tagKeys = b.tagKeys;
        this.tagValues = b.tagValues;
        this.tagCount = b.tagCount;
        this.fieldKeys = b.fieldKeys;
        this.fieldTypes = b.fieldTypes;
        this.fieldBits = b.fieldBits;
        this.fieldStrings = b.fieldStrings;
        this.fieldCount = b.fieldCount;
        this.time = b.time;
        this.precision = b.precision;
    }

    /** Starts a point of the given measurement. */
    public static Builder builder(String measurement) {
        return new Builder(measurement);
    }

    /** Returns the measurement name. */
    public String measurement() {
        return measurement;
    }

    /** Returns the number of tags. */
    public int tagCount() {
        return tagCount;
    }

    /** Returns the key of tag {@code i} (tags are sorted by key). */
    public String tagKey(int i) {
        return tagKeys[i];
    }

    /** Returns the value of tag {@code i}. */
    public String tagValue(int i) {
        return tagValues[i];
    }

    /** Returns the tags, sorted by key, as an unmodifiable map. */
    public Map<String, String> tags() {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < tagCount; i++) {
            m.put(tagKeys[i], tagValues[i]);
        }
        return Collections.unmodifiableMap(m);
    }

    /** Returns the number of fields (at least one). */
    public int fieldCount() {
        return fieldCount;
    }

    /** Returns the key of field {@code i}. */
    public String fieldKey(int i) {
        return fieldKeys[i];
    }

    /** Returns the type of field {@code i}. */
    public FieldType fieldType(int i) {
        return fieldTypes[i];
    }

    /** Returns field {@code i} as a double; only meaningful when its type is {@link FieldType#FLOAT}. */
    public double fieldDouble(int i) {
        return Double.longBitsToDouble(fieldBits[i]);
    }

    /**
     * Returns field {@code i} as a long: the value of an {@link FieldType#INTEGER}, the bits of an
     * {@link FieldType#UNSIGNED} (read with {@link Long#toUnsignedString(long)}), or 1/0 for a boolean.
     */
    public long fieldLong(int i) {
        return fieldBits[i];
    }

    /** Returns field {@code i} as a boolean; only meaningful when its type is {@link FieldType#BOOLEAN}. */
    public boolean fieldBoolean(int i) {
        return fieldBits[i] != 0;
    }

    /** Returns field {@code i} as a string; {@code null} unless its type is {@link FieldType#STRING}. */
    public @Nullable String fieldString(int i) {
        return fieldStrings == null ? null : fieldStrings[i];
    }

    /**
     * Returns the fields in insertion order as boxed values: {@code Double}, {@code Long},
     * {@code Boolean}, {@code String}, and unsigned integers as {@code BigInteger}.
     */
    public Map<String, Object> fields() {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < fieldCount; i++) {
            m.put(fieldKeys[i], boxed(i));
        }
        return Collections.unmodifiableMap(m);
    }

    private String fieldStrings(int i) {
        return fieldStrings == null ? null : fieldStrings[i];
    }

    private Object boxed(int i) {
        return switch (fieldTypes[i]) {
            case FLOAT -> fieldDouble(i);
            case INTEGER -> fieldBits[i];
            case UNSIGNED -> new BigInteger(Long.toUnsignedString(fieldBits[i]));
            case BOOLEAN -> fieldBoolean(i);
            case STRING -> fieldStrings(i);
        };
    }

    /** Returns the timestamp in {@link #precision()} units, if the point has one. */
    public OptionalLong time() {
        return precision == null ? OptionalLong.empty() : OptionalLong.of(time);
    }

    /** Returns the precision of {@link #time()}, if the point has a timestamp. */
    public Optional<WritePrecision> precision() {
        return Optional.ofNullable(precision);
    }

    /** Returns whether the point carries a timestamp (without one, InfluxDB uses its clock). */
    public boolean hasTime() {
        return precision != null;
    }

    /**
     * Returns the raw timestamp value; only meaningful when {@link #hasTime()}. Allocation-free
     * accessor for serializers.
     */
    public long timeValue() {
        return time;
    }

    /** Returns the precision or {@code null}; allocation-free accessor for serializers. */
    public @Nullable WritePrecision precisionOrNull() {
        return precision;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        if (!(o instanceof Point p) || !measurement.equals(p.measurement) || time != p.time
                || precision != p.precision || tagCount != p.tagCount || fieldCount != p.fieldCount) {
            return false;
        }
        return Arrays.equals(tagKeys, 0, tagCount, p.tagKeys, 0, tagCount)
                && Arrays.equals(tagValues, 0, tagCount, p.tagValues, 0, tagCount)
                && Arrays.equals(fieldKeys, 0, fieldCount, p.fieldKeys, 0, fieldCount)
                && Arrays.equals(fieldTypes, 0, fieldCount, p.fieldTypes, 0, fieldCount)
                && Arrays.equals(fieldBits, 0, fieldCount, p.fieldBits, 0, fieldCount)
                && fields().equals(p.fields());
    }

    @Override
    public int hashCode() {
        return Objects.hash(measurement, tags(), fields(), time, precision);
    }

    @Override
    public String toString() {
        return "Point[" + measurement + ", tags=" + tags() + ", fields=" + fields()
                + (precision == null ? "" : ", time=" + time + precision.apiValue()) + "]";
    }

    /**
     * Builds a {@link Point}. Every setter validates its argument at once and throws a
     * {@link P4n4Exception} with {@link ErrorCode#VALIDATION} naming the measurement and key.
     * Not thread-safe; use one builder per thread.
     */
    public static final class Builder {
        private final String measurement;
        private String[] tagKeys = new String[4];
        private String[] tagValues = new String[4];
        private int tagCount;
        private String[] fieldKeys = new String[4];
        private FieldType[] fieldTypes = new FieldType[4];
        private long[] fieldBits = new long[4];
        private String[] fieldStrings; // allocated with the first string field
        private int fieldCount;
        private long time;
        private WritePrecision precision;
        private boolean shared; // a built Point holds the arrays: copy before the next change

        private Builder(String measurement) {
            if (measurement == null || measurement.isEmpty()) {
                throw new P4n4Exception(ErrorCode.VALIDATION,
                        "a point needs a measurement name; got " + (measurement == null ? "null" : "an empty string"));
            }
            rejectUnwritable(measurement, "measurement name", null, measurement);
            this.measurement = measurement;
        }

        /**
         * Sets a tag; a {@code null} or empty value omits the tag (InfluxDB stores no empty tags).
         * Tags are written sorted by key, which is how InfluxDB wants them. Measurement names, tag
         * keys, tag values and field keys may not contain line breaks or end with a backslash: line
         * protocol cannot carry them there.
         */
        public Builder tag(String key, @Nullable String value) {
            checkKey(key, "tag key");
            unshare();
            if (value == null || value.isEmpty()) {
                removeTag(key);
                return this;
            }
            rejectUnwritable(value, "value of tag", key, measurement);
            // insertion sort keeps tags ordered by key; points have few tags
            int i = 0;
            while (i < tagCount) {
                int c = tagKeys[i].compareTo(key);
                if (c == 0) {
                    tagValues[i] = value;
                    return this;
                }
                if (c > 0) {
                    break;
                }
                i++;
            }
            if (tagCount == tagKeys.length) {
                tagKeys = Arrays.copyOf(tagKeys, tagCount * 2);
                tagValues = Arrays.copyOf(tagValues, tagCount * 2);
            }
            System.arraycopy(tagKeys, i, tagKeys, i + 1, tagCount - i);
            System.arraycopy(tagValues, i, tagValues, i + 1, tagCount - i);
            tagKeys[i] = key;
            tagValues[i] = value;
            tagCount++;
            return this;
        }

        /** Sets every tag of the map (see {@link #tag(String, String)}). */
        public Builder tags(Map<String, String> tags) {
            tags.forEach(this::tag);
            return this;
        }

        /** Sets a float field. NaN and infinities cannot be stored by InfluxDB and are rejected. */
        public Builder field(String key, double value) {
            if (Double.isNaN(value) || Double.isInfinite(value)) {
                throw new P4n4Exception(ErrorCode.VALIDATION, "field '" + key + "' of measurement '" + measurement
                        + "' is " + value + ": InfluxDB stores only finite floats; skip the field or use a sentinel");
            }
            return put(key, FieldType.FLOAT, Double.doubleToRawLongBits(value), null);
        }

        /** Sets a signed integer field (written {@code 42i}). */
        public Builder field(String key, long value) {
            return put(key, FieldType.INTEGER, value, null);
        }

        /** Sets a boolean field. */
        public Builder field(String key, boolean value) {
            return put(key, FieldType.BOOLEAN, value ? 1L : 0L, null);
        }

        /** Sets a string field; quotes and backslashes are escaped when written. */
        public Builder field(String key, String value) {
            if (value == null) {
                throw new P4n4Exception(ErrorCode.VALIDATION, "field '" + key + "' of measurement '" + measurement
                        + "' is null: omit the field instead");
            }
            return put(key, FieldType.STRING, 0L, value);
        }

        /**
         * Sets a field from a boxed value: {@code Double}/{@code Float} become floats, other
         * {@code Number}s integers, plus {@code Boolean} and {@code String}.
         */
        public Builder field(String key, Object value) {
            if (value instanceof Double || value instanceof Float) {
                return field(key, ((Number) value).doubleValue());
            } else if (value instanceof Number n) {
                return field(key, n.longValue());
            } else if (value instanceof Boolean b) {
                return field(key, b.booleanValue());
            } else if (value instanceof String s) {
                return field(key, s);
            }
            throw new P4n4Exception(ErrorCode.VALIDATION, "field '" + key + "' of measurement '" + measurement
                    + "' has unsupported type " + (value == null ? "null" : value.getClass().getName())
                    + ": use a number, boolean or string");
        }

        /** Sets an unsigned 64-bit integer field (written {@code 42u}); {@code value}'s bits are read as unsigned. */
        public Builder unsignedField(String key, long value) {
            return put(key, FieldType.UNSIGNED, value, null);
        }

        /** Sets the timestamp, counted in {@code precision} units since the Unix epoch. */
        public Builder time(long time, WritePrecision precision) {
            // time is a scalar copied into the Point: changing it later needs no unshare
            this.time = time;
            this.precision = Objects.requireNonNull(precision, "precision");
            return this;
        }

        /** Sets the timestamp from an instant, truncated to {@code precision}. */
        public Builder time(Instant instant, WritePrecision precision) {
            try {
                return time(precision.fromInstant(instant), precision);
            } catch (ArithmeticException e) {
                throw new P4n4Exception(ErrorCode.VALIDATION, "time " + instant + " of measurement '" + measurement
                        + "' does not fit in a 64-bit " + precision.apiValue() + " timestamp", e);
            }
        }

        /** Builds the point. */
        public Point build() {
            if (fieldCount == 0) {
                throw new P4n4Exception(ErrorCode.VALIDATION, "point of measurement '" + measurement
                        + "' has no fields: InfluxDB needs at least one field per point");
            }
            shared = true;
            return new Point(this);
        }

        private void unshare() {
            if (shared) {
                tagKeys = tagKeys.clone();
                tagValues = tagValues.clone();
                fieldKeys = fieldKeys.clone();
                fieldTypes = fieldTypes.clone();
                fieldBits = fieldBits.clone();
                fieldStrings = fieldStrings == null ? null : fieldStrings.clone();
                shared = false;
            }
        }

        private Builder put(String key, FieldType type, long bits, String string) {
            checkKey(key, "field key");
            unshare();
            if (string != null && fieldStrings == null) {
                fieldStrings = new String[fieldKeys.length];
            }
            for (int i = 0; i < fieldCount; i++) {
                if (fieldKeys[i].equals(key)) {
                    fieldTypes[i] = type;
                    fieldBits[i] = bits;
                    if (fieldStrings != null) {
                        fieldStrings[i] = string;
                    }
                    return this;
                }
            }
            if (fieldCount == fieldKeys.length) {
                int n = fieldCount * 2;
                fieldKeys = Arrays.copyOf(fieldKeys, n);
                fieldTypes = Arrays.copyOf(fieldTypes, n);
                fieldBits = Arrays.copyOf(fieldBits, n);
                fieldStrings = fieldStrings == null ? null : Arrays.copyOf(fieldStrings, n);
            }
            fieldKeys[fieldCount] = key;
            fieldTypes[fieldCount] = type;
            fieldBits[fieldCount] = bits;
            if (fieldStrings != null) {
                fieldStrings[fieldCount] = string;
            }
            fieldCount++;
            return this;
        }

        private void removeTag(String key) {
            unshare();
            for (int i = 0; i < tagCount; i++) {
                if (tagKeys[i].equals(key)) {
                    System.arraycopy(tagKeys, i + 1, tagKeys, i, tagCount - i - 1);
                    System.arraycopy(tagValues, i + 1, tagValues, i, tagCount - i - 1);
                    tagCount--;
                    return;
                }
            }
        }

        private void checkKey(String key, String what) {
            if (key == null || key.isEmpty()) {
                throw new P4n4Exception(ErrorCode.VALIDATION, "a " + what + " of measurement '" + measurement
                        + "' is " + (key == null ? "null" : "empty") + ": keys must be non-empty strings");
            }
            rejectUnwritable(key, what, key, measurement);
        }

        // line protocol has no escape for line breaks outside string fields: they would split the point;
        // and a trailing backslash would escape the delimiter after it (InfluxDB unescapes only "\,",
        // "\ " and "\=" there, so it cannot be doubled either): the server would reject the line
        // the message is built only on failure: this runs for every key and value
        private static void rejectUnwritable(String s, String what, String key, String measurement) {
            String problem = null;
            if (s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
                problem = "contains a line break, which line protocol cannot carry there; remove it";
            } else if (s.charAt(s.length() - 1) == '\\') {
                problem = "ends with a backslash, which line protocol cannot carry there (it would escape the"
                        + " delimiter after it); remove it or add a character after it";
            }
            if (problem != null) {
                throw new P4n4Exception(ErrorCode.VALIDATION, "the " + what + (key == null ? "" : " '" + key + "'")
                        + " of measurement '" + measurement + "' " + problem);
            }
        }
    }
}
