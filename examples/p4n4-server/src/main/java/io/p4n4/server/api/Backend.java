package io.p4n4.server.api;

import io.p4n4.agent.nats.NatsDesiredStateStore;
import io.p4n4.agent.score.ScoreSigner;
import io.p4n4.api.ErrorCode;
import io.p4n4.core.platform.Platform;
import io.p4n4.server.engine.Operations;
import io.p4n4.server.engine.StatusCache;
import io.p4n4.server.http.HttpProblem;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What the routes work on: the project's platform on one engine, its live status, the running operations, and
 * optionally the NATS desired-state store and the key Scores are signed with.
 *
 * @param platform   the project on its engine
 * @param status     the status kept by the engine's events
 * @param operations up and down, run in the background
 * @param nats       the desired-state store, or {@code null} when the server has no NATS
 * @param signer     the key published Scores are signed with, or {@code null} to publish them unsigned
 * @param heartbeat  how often an idle event stream sends a comment (and notices a client that left)
 */
public record Backend(Platform platform, StatusCache status, Operations operations,
        @Nullable NatsDesiredStateStore nats, @Nullable ScoreSigner signer, Duration heartbeat) {

    /** Checks the parts. */
    public Backend {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(operations, "operations");
        Objects.requireNonNull(heartbeat, "heartbeat");
    }

    /** Returns the store, or a 503 problem saying how to configure one. */
    NatsDesiredStateStore requireNats() {
        if (nats == null) {
            throw new HttpProblem(503, "No NATS configured", ErrorCode.NETWORK, "this server has no NATS desired-state"
                    + " store; start it with --nats URL (p4n4 serve --nats nats://host:4222)");
        }
        return nats;
    }
}
