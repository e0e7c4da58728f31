/**
 * JMH benchmarks for p4n4-lib, one sub-package per area. Figures and the commands that reproduce
 * them are recorded in docs/BENCHMARKS.md.
 */
package io.p4n4.benchmarks;
