/**
 * Podman backend benchmarks: engine calls per second over the Podman service's unix socket, p4n4's
 * libpod backend against docker-java on Podman's Docker-compatible API (same socket, same run).
 */
package io.p4n4.benchmarks.podman;
