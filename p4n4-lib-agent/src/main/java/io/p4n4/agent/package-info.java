/**
 * The device agent: {@link io.p4n4.agent.DeviceAgent} watches its keys in a
 * {@link io.p4n4.api.score.DesiredStateStore}, reconciles what runs on the device through
 * {@link io.p4n4.api.spi.ScoreInterpreter}s and reports its status; its TOML configuration
 * ({@link io.p4n4.agent.AgentConfig}) and the credential sources (TOML file first, environment
 * second).
 */
package io.p4n4.agent;
