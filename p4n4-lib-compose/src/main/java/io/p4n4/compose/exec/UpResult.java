package io.p4n4.compose.exec;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What {@link ComposeExecutor#up} did, per service name. A service with several replicas is listed once among
 * created, recreated, started and unchanged, under the biggest change among its containers (recreated, then
 * created, then started, then unchanged). A service whose scale went down is listed in {@link #scaledDown()},
 * and among the first four only when one of its remaining containers changed. Immutable and thread-safe;
 * built with {@link #builder()}.
 */
public final class UpResult {
    private final List<String> created;
    private final List<String> recreated;
    private final List<String> started;
    private final List<String> unchanged;
    private final List<String> scaledDown;
    private final Duration elapsed;

    private UpResult(Builder b) {
        this.created = List.copyOf(b.created);
        this.recreated = List.copyOf(b.recreated);
        this.started = List.copyOf(b.started);
        this.unchanged = List.copyOf(b.unchanged);
        this.scaledDown = List.copyOf(b.scaledDown);
        this.elapsed = b.elapsed;
    }

    /** Starts a builder: every list empty, elapsed zero. */
    public static Builder builder() {
        return new Builder();
    }

    /** Services whose container was created. */
    public List<String> created() {
        return created;
    }

    /** Services whose container was replaced because their configuration changed. */
    public List<String> recreated() {
        return recreated;
    }

    /** Services whose existing, unchanged container was started again. */
    public List<String> started() {
        return started;
    }

    /** Services left alone: their container was running with the same configuration. */
    public List<String> unchanged() {
        return unchanged;
    }

    /** Services whose surplus replicas were removed because their scale went down. */
    public List<String> scaledDown() {
        return scaledDown;
    }

    /** How long {@code up} took. */
    public Duration elapsed() {
        return elapsed;
    }

    /** Whether {@code up} changed nothing at all. */
    public boolean nothingChanged() {
        return created.isEmpty() && recreated.isEmpty() && started.isEmpty() && scaledDown.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof UpResult other)) {
            return false;
        }
        return created.equals(other.created) && recreated.equals(other.recreated) && started.equals(other.started)
                && unchanged.equals(other.unchanged) && scaledDown.equals(other.scaledDown)
                && elapsed.equals(other.elapsed);
    }

    @Override
    public int hashCode() {
        return Objects.hash(created, recreated, started, unchanged, scaledDown, elapsed);
    }

    @Override
    public String toString() {
        return "UpResult[created=" + created + ", recreated=" + recreated + ", started=" + started + ", unchanged="
                + unchanged + ", scaledDown=" + scaledDown + ", elapsed=" + elapsed + "]";
    }

    /** Collects the fields of an {@link UpResult}. Not thread-safe; use one per thread. */
    public static final class Builder {
        private List<String> created = List.of();
        private List<String> recreated = List.of();
        private List<String> started = List.of();
        private List<String> unchanged = List.of();
        private List<String> scaledDown = List.of();
        private Duration elapsed = Duration.ZERO;

        private Builder() {
        }

        /** Sets the services whose container was created. */
        public Builder created(List<String> services) {
            this.created = Objects.requireNonNull(services, "created");
            return this;
        }

        /** Sets the services whose container was replaced. */
        public Builder recreated(List<String> services) {
            this.recreated = Objects.requireNonNull(services, "recreated");
            return this;
        }

        /** Sets the services whose container was started again. */
        public Builder started(List<String> services) {
            this.started = Objects.requireNonNull(services, "started");
            return this;
        }

        /** Sets the services left alone. */
        public Builder unchanged(List<String> services) {
            this.unchanged = Objects.requireNonNull(services, "unchanged");
            return this;
        }

        /** Sets the services whose surplus replicas were removed. */
        public Builder scaledDown(List<String> services) {
            this.scaledDown = Objects.requireNonNull(services, "scaledDown");
            return this;
        }

        /** Sets how long {@code up} took. */
        public Builder elapsed(Duration value) {
            this.elapsed = Objects.requireNonNull(value, "elapsed");
            return this;
        }

        /** Builds the immutable result. */
        public UpResult build() {
            return new UpResult(this);
        }
    }
}
