package io.p4n4.compose.exec;

import io.p4n4.api.clients.Cancellation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Options of {@link ComposeExecutor#up}: immutable, thread-safe, built with {@link #builder()}.
 * Defaults: no waiting beyond {@code depends_on}, a 5 minute timeout, each service's {@code pull_policy}
 * (default {@code missing}),
 * all services, {@code p4n4-net} known as owned by the {@code iot} stack, early healthchecks on for
 * {@code depends_on} gates, and {@code --wait} waiting for the engine's own verdict.
 */
public final class UpOptions {
    /** The timeout used when none is given. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);

    private final boolean waitReady;
    private final boolean waitReadyEarly;
    private final Duration timeout;
    private final Cancellation cancellation;
    private final ProgressListener progress;
    private final @Nullable PullPolicy pullPolicy;
    private final List<String> services;
    private final Map<String, String> externalNetworkOwners;
    private final boolean earlyHealthchecks;
    private final boolean build;
    private final RecreatePolicy recreate;
    private final boolean removeOrphans;

    private UpOptions(Builder b) {
        this.waitReady = b.waitReady;
        this.waitReadyEarly = b.waitReadyEarly;
        this.timeout = b.timeout;
        this.cancellation = b.cancellation;
        this.progress = b.progress;
        this.pullPolicy = b.pullPolicy;
        this.services = List.copyOf(b.services);
        this.externalNetworkOwners = Collections.unmodifiableMap(new LinkedHashMap<>(b.externalNetworkOwners));
        this.earlyHealthchecks = b.earlyHealthchecks;
        this.build = b.build;
        this.recreate = b.recreate;
        this.removeOrphans = b.removeOrphans;
    }

    /** A builder with the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder that starts from these options. */
    public Builder toBuilder() {
        Builder b = builder().waitReady(waitReady).waitReadyEarly(waitReadyEarly).timeout(timeout)
                .cancellation(cancellation).progress(progress)
                .services(services).earlyHealthchecks(earlyHealthchecks).build(build)
                .recreate(recreate).removeOrphans(removeOrphans);
        if (pullPolicy != null) {
            b.pullPolicy(pullPolicy);
        }
        externalNetworkOwners.forEach(b::externalNetworkOwner);
        return b;
    }

    /** The defaults. */
    public static UpOptions defaults() {
        return builder().build();
    }

    /** Whether {@code up} waits until every service is healthy (or running, without a healthcheck). */
    public boolean waitReady() {
        return waitReady;
    }

    /**
     * Whether {@link #waitReady()} accepts a passing early probe (the service's own healthcheck test, run by
     * {@code exec}) instead of waiting for the engine's verdict. See {@link Builder#waitReadyEarly(boolean)}.
     */
    public boolean waitReadyEarly() {
        return waitReadyEarly;
    }

    /** The longest {@code up} may take, waiting included. */
    public Duration timeout() {
        return timeout;
    }

    /** The cancellation that stops {@code up} early. */
    public Cancellation cancellation() {
        return cancellation;
    }

    /** Where progress goes. */
    public ProgressListener progress() {
        return progress;
    }

    /**
     * When images are pulled: the policy set with {@link Builder#pullPolicy}, else {@link PullPolicy#MISSING}
     * (each service's own {@code pull_policy} then applies; see {@link #findPullPolicy()}).
     */
    public PullPolicy pullPolicy() {
        return pullPolicy == null ? PullPolicy.MISSING : pullPolicy;
    }

    /**
     * The pull policy the caller set, which replaces every service's {@code pull_policy} (as
     * {@code docker compose up --pull} does); empty when none was set, so each service's applies.
     */
    public Optional<PullPolicy> findPullPolicy() {
        return Optional.ofNullable(pullPolicy);
    }

    /** The services to bring up (with what they depend on); empty means all. */
    public List<String> services() {
        return services;
    }

    /** External network name to the stack that creates it, for error messages. */
    public Map<String, String> externalNetworkOwners() {
        return externalNetworkOwners;
    }

    /**
     * Whether {@code service_healthy} gates also run the healthcheck by exec while an engine that runs
     * checks itself (Docker) has not reported a result yet. See {@link Builder#earlyHealthchecks(boolean)}.
     */
    public boolean earlyHealthchecks() {
        return earlyHealthchecks;
    }

    /** Whether services with {@code build:} are built again even when their image exists (up --build). */
    public boolean build() {
        return build;
    }

    /** When existing containers are replaced (default {@link RecreatePolicy#DIVERGED}). */
    public RecreatePolicy recreate() {
        return recreate;
    }

    /**
     * Whether containers of the project whose service the file no longer has (orphans) are stopped and removed
     * ({@code up --remove-orphans}); without it they are kept and reported as a WARNING event.
     */
    public boolean removeOrphans() {
        return removeOrphans;
    }

    /** Builds {@link UpOptions}; not thread-safe. */
    public static final class Builder {
        private boolean waitReady;
        private boolean waitReadyEarly;
        private Duration timeout = DEFAULT_TIMEOUT;
        private Cancellation cancellation = Cancellation.create();
        private ProgressListener progress = ProgressListener.NONE;
        private @Nullable PullPolicy pullPolicy;
        private final List<String> services = new ArrayList<>();
        private final Map<String, String> externalNetworkOwners = new LinkedHashMap<>(Map.of("p4n4-net", "iot"));
        private boolean earlyHealthchecks = true;
        private boolean build;
        private RecreatePolicy recreate = RecreatePolicy.DIVERGED;
        private boolean removeOrphans;

        private Builder() {
        }

        /** Wait until every service is healthy, or running when it has no healthcheck. */
        public Builder waitReady(boolean wait) {
            this.waitReady = wait;
            return this;
        }

        /**
         * With {@link #waitReady(boolean)}: count a service with a healthcheck as ready as soon as its
         * healthcheck test passes when p4n4 runs it by {@code exec} (CMD directly, CMD-SHELL under
         * {@code /bin/sh -c}), at once and then backing off from 50 ms to 1 s, instead of waiting until the
         * engine reports it healthy. Docker runs a container's first check only one {@code interval} after it
         * starts, so the engine's verdict can come a whole interval after the service is ready. Only a pass
         * counts: a failing probe never makes a service unhealthy (only the engine's verdict does), and a check
         * that never passes keeps the service not ready until the timeout. A service without healthcheck is ready
         * when running, as without this option. After {@code up} returns, {@code ps} may still show such a service
         * as "starting". Off by default ({@code up --wait} returns when the engine agrees); test harnesses that only
         * need the service to answer turn it on. No effect on engines whose checks p4n4 drives (Podman), where
         * the engine's verdict comes from p4n4's first check anyway.
         */
        public Builder waitReadyEarly(boolean early) {
            this.waitReadyEarly = early;
            return this;
        }

        /** The longest {@code up} may take; must be positive. */
        public Builder timeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout must be positive, not " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        /** A cancellation another thread may trigger. */
        public Builder cancellation(Cancellation cancellation) {
            this.cancellation = Objects.requireNonNull(cancellation, "cancellation");
            return this;
        }

        /** Where progress events go. */
        public Builder progress(ProgressListener progress) {
            this.progress = Objects.requireNonNull(progress, "progress");
            return this;
        }

        /**
         * When images are pulled, for every service: replaces each service's {@code pull_policy}, as
         * {@code docker compose up --pull} does. Unset, each service's {@code pull_policy} applies (default
         * {@code missing}).
         */
        public Builder pullPolicy(PullPolicy pullPolicy) {
            this.pullPolicy = Objects.requireNonNull(pullPolicy, "pullPolicy");
            return this;
        }

        /** Restrict {@code up} to these services and what they depend on. */
        public Builder services(List<String> names) {
            services.clear();
            services.addAll(names);
            return this;
        }

        /** Names the stack that creates an external network, so its absence can say what to start. */
        public Builder externalNetworkOwner(String network, String stack) {
            externalNetworkOwners.put(Objects.requireNonNull(network, "network"), Objects.requireNonNull(stack, "stack"));
            return this;
        }

        /**
         * Docker runs a container's first healthcheck only one {@code interval} after it starts, so each
         * {@code service_healthy} link costs a whole interval even when the service is ready at once. With
         * this on (the default), while the engine's status of a dependency is still "starting", the waiter
         * runs the same test itself by {@code exec} (CMD directly, CMD-SHELL under {@code /bin/sh -c}), first
         * at once and then backing off from 50 ms to 1 s; a pass starts the dependents. A failing probe never
         * counts as unhealthy: only the engine's verdict does. {@code --wait} ({@link #waitReady}) is not
         * shortened by this option: it returns when the engine itself reports every service healthy, so
         * {@code ps} agrees, unless {@link #waitReadyEarly(boolean)} is on.
         * Turn it off to gate dependents on the engine's verdict alone. No effect on engines whose checks
         * p4n4 drives (Podman), which run the first check at once anyway.
         */
        public Builder earlyHealthchecks(boolean early) {
            this.earlyHealthchecks = early;
            return this;
        }

        /**
         * Build the services with {@code build:} again even when their image exists ({@code up --build});
         * a service whose image changed is recreated. Without it they are built only when missing.
         */
        public Builder build(boolean rebuild) {
            this.build = rebuild;
            return this;
        }

        /** When existing containers are replaced ({@code --force-recreate}: ALWAYS, {@code --no-recreate}: NEVER). */
        public Builder recreate(RecreatePolicy policy) {
            this.recreate = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** Stop and remove the project's containers whose service the file no longer has. */
        public Builder removeOrphans(boolean remove) {
            this.removeOrphans = remove;
            return this;
        }

        /** The options. */
        public UpOptions build() {
            return new UpOptions(this);
        }
    }
}
