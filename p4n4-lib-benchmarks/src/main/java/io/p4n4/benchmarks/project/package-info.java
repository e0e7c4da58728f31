/** Benchmarks of project operations: scaffold and validate. */
package io.p4n4.benchmarks.project;
