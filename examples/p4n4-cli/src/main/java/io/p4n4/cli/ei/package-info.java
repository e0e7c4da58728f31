/**
 * {@code p4n4 ei ...}: the edge stack's Edge Impulse runner and its models: {@code info}, {@code infer},
 * {@code status}, {@code list}, {@code deploy}, {@code update}, {@code rollback} and {@code run}, on the library's
 * {@code io.p4n4.core.edge} and Edge Impulse client.
 */
package io.p4n4.cli.ei;
