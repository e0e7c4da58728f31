/** Compose projects around test classes: p4n4-lib-junit against Testcontainers' DockerComposeContainer. */
package io.p4n4.benchmarks.junit;
