/** {@code p4n4 ei ...}: talk to the edge stack's Edge Impulse runner ({@code info}, {@code infer}). */
package io.p4n4.cli.ei;
