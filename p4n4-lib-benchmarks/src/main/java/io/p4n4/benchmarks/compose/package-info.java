/** Compose loader benchmarks: load + interpolate + normalize of the upstream iot stack. */
package io.p4n4.benchmarks.compose;
