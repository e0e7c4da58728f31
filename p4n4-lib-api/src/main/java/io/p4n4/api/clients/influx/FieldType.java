package io.p4n4.api.clients.influx;

/** The type of a field value, which decides how it is written in line protocol. Immutable. */
public enum FieldType {
    /** 64-bit IEEE-754 float, written as a plain number ({@code 1.5}). NaN and infinities are rejected. */
    FLOAT,
    /** Signed 64-bit integer, written with an {@code i} suffix ({@code 42i}). */
    INTEGER,
    /** Unsigned 64-bit integer, written with a {@code u} suffix ({@code 42u}). */
    UNSIGNED,
    /** Boolean, written as {@code true} or {@code false}. */
    BOOLEAN,
    /** UTF-8 string, written in double quotes with {@code "} and {@code \} escaped. */
    STRING
}
