package io.p4n4.clients.internal.influx;

/**
 * A sealed batch: newline-terminated line protocol for {@code points} points, numbered in the order
 * it was sealed.
 *
 * @param seq sealing order, from 1
 * @param points number of lines
 * @param body the line protocol
 */
record Batch(long seq, int points, String body) {
}
