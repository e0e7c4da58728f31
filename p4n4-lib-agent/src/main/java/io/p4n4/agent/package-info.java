/**
 * The device agent: {@link io.p4n4.agent.DeviceAgent} watches its keys in a
 * {@link io.p4n4.api.score.DesiredStateStore}, reconciles what runs on the device through
 * {@link io.p4n4.api.spi.ScoreInterpreter}s and reports its status; its TOML configuration
 * ({@link io.p4n4.agent.AgentConfig}) and the credential sources (TOML file first, environment
 * second).
 */
@API(status = EXPERIMENTAL)
@NullMarked
package io.p4n4.agent;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
import org.jspecify.annotations.NullMarked;
