/**
 * Whole-operation comparisons of the compose executor with docker-compose v1 on a real engine
 * (cold up to healthy, no-change up, down); figures in docs/BENCHMARKS.md.
 */
package io.p4n4.benchmarks.compose.exec;
