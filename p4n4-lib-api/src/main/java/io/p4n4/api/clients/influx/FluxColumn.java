package io.p4n4.api.clients.influx;

import org.jspecify.annotations.Nullable;

/**
 * One column of a Flux result table, as described by the annotated-CSV header and annotations.
 * Immutable.
 *
 * @param index position among the data columns, from 0
 * @param label the column label, e.g. {@code _time} or {@code host}
 * @param dataType the {@code #datatype} annotation, e.g. {@code long} or {@code dateTime:RFC3339};
 *     {@code string} when the response carried no datatype annotation
 * @param group whether the column is part of the table's group key ({@code #group})
 * @param defaultValue the {@code #default} annotation used for empty cells, or {@code null}
 */
public record FluxColumn(int index, String label, String dataType, boolean group, @Nullable String defaultValue) {
}
