/**
 * Compose projects for integration tests, with no compose binary: {@link io.p4n4.junit.P4n4Compose} brings a
 * project up around a JUnit 5 test class and injects a {@link io.p4n4.junit.ComposeEnvironment}; the same
 * environment is available without JUnit through {@link io.p4n4.junit.ComposeEnvironment#start(ComposeSetup)}.
 * Runs on Docker and Podman through p4n4-lib's engine backends; one of them must be on the class path.
 */
@API(status = EXPERIMENTAL)
@NullMarked
package io.p4n4.junit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
import org.jspecify.annotations.NullMarked;
