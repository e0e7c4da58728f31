package io.p4n4.agent.launcher;

import io.p4n4.api.engine.ContainerEngine;
import io.p4n4.api.score.Topology;
import io.p4n4.api.spi.ScoreInterpreter;
import io.p4n4.api.spi.ScoreInterpreterProvider;
import io.p4n4.agent.nats.NatsDesiredStateStore;
import io.p4n4.agent.AgentConfig;
import io.p4n4.agent.CredentialSources;
import io.p4n4.agent.DeviceAgent;
import io.p4n4.agent.events.AgentEventListener;
import io.p4n4.agent.ScoreInterpreters;
import io.p4n4.agent.score.PodmanV0Score;
import io.p4n4.agent.score.RecordingScoreInterpreter;
import io.p4n4.agent.score.TrustedKeySet;
import io.p4n4.compose.engine.EngineDiscovery;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Wires a running agent from its configuration: credentials (TOML file, then environment), the NATS KV
 * store, the container engine (or a recording interpreter for dry runs) and the {@link DeviceAgent}.
 * Closing it stops the agent, then the engine client and the NATS connection. Idempotent close.
 */
public final class AgentLauncher implements AutoCloseable {

    private final NatsDesiredStateStore store;
    private final ContainerEngine engine;
    private final DeviceAgent agent;
    private boolean closed;

    private AgentLauncher(NatsDesiredStateStore store, ContainerEngine engine, DeviceAgent agent) {
        this.store = store;
        this.engine = engine;
        this.agent = agent;
    }

    /**
     * Starts an agent for the configuration on the container engine it names (or discovers).
     *
     * @param env the environment (credentials and engine endpoints)
     */
    public static AgentLauncher start(AgentConfig config, Map<String, String> env) {
        return start(config, false, env, AgentEventListener.NONE);
    }

    /**
     * Starts an agent for the configuration on the container engine it names (or discovers), reporting its
     * events to {@code events} (e.g. {@link io.p4n4.agent.events.JsonLinesEventLog}).
     *
     * @param env the environment (credentials and engine endpoints)
     */
    public static AgentLauncher start(AgentConfig config, Map<String, String> env, AgentEventListener events) {
        return start(config, false, env, events);
    }

    /**
     * Starts an agent that records what would run instead of touching a container engine.
     *
     * @param env the environment (credentials)
     */
    public static AgentLauncher startDryRun(AgentConfig config, Map<String, String> env) {
        return start(config, true, env, AgentEventListener.NONE);
    }

    /**
     * Starts an agent that records what would run instead of touching a container engine, reporting its events
     * to {@code events}.
     *
     * @param env the environment (credentials)
     */
    public static AgentLauncher startDryRun(AgentConfig config, Map<String, String> env, AgentEventListener events) {
        return start(config, true, env, events);
    }

    private static AgentLauncher start(AgentConfig config, boolean dryRun, Map<String, String> env,
            AgentEventListener events) {
        var credentials = CredentialSources.first(CredentialSources.defaults(config.file()));
        NatsDesiredStateStore store = NatsDesiredStateStore.builder().servers(config.natsUrls())
                .credentials(credentials.orElse(null)).tls(config.natsTls())
                // replies under the device's own inbox, so a server can grant each device only its own
                .inboxPrefix("_INBOX." + config.deviceId())
                .connectionName("p4n4-agent-" + config.deviceId())
                .connect();
        ContainerEngine engine = null;
        try {
            List<ScoreInterpreter<?>> interpreters;
            String runtime;
            if (dryRun) {
                interpreters = List.of(RecordingScoreInterpreter.of(PodmanV0Score.TYPE));
                runtime = "none";
            } else {
                // the configured runtime, unless "auto"; then DOCKER_HOST / CONTAINER_HOST, then every backend
                engine = EngineDiscovery.builder().environment(env)
                        .engineId(config.runtime().equals("auto") ? null : config.runtime()).build().connect();
                // the interpreters on the class path (p4n4-lib-podman's PodmanV0 one) for this device and engine
                interpreters = ScoreInterpreters.discover(new ScoreInterpreterProvider.Context(config.deviceId(),
                        engine, Duration.ofSeconds(5)));
                runtime = engine.id();
            }
            DeviceAgent.Builder builder = DeviceAgent.builder()
                    .topology(Topology.ofThisMachine(config.deviceId(), runtime))
                    .store(store)
                    .trustedKeys(TrustedKeySet.parse(config.trustedKeys()))
                    .stateDirectory(config.stateDir())
                    .relistInterval(config.relistInterval())
                    .statusInterval(config.statusInterval())
                    .eventListener(events);
            interpreters.forEach(builder::interpreter);
            DeviceAgent agent = builder.build().start();
            return new AgentLauncher(store, engine, agent);
        } catch (RuntimeException e) {
            if (engine != null) {
                engine.close();
            }
            store.close();
            throw e;
        }
    }

    /** Returns the agent. */
    public DeviceAgent agent() {
        return agent;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        agent.close();
        if (engine != null) {
            engine.close();
        }
        store.close();
    }
}
