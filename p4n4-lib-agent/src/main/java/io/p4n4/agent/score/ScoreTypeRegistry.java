package io.p4n4.agent.score;

import io.p4n4.api.score.Score;
import io.p4n4.api.score.ScoreType;
import io.p4n4.api.spi.ScoreTypeProvider;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Score types a codec knows, by name. Built explicitly ({@link #of}) or from the built-in
 * {@link PodmanV0Score} plus every {@link ScoreTypeProvider} on the class path ({@link #defaults()}).
 * Immutable and thread-safe.
 */
public final class ScoreTypeRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(ScoreTypeRegistry.class);

    private final Map<String, ScoreType<?>> types;

    private ScoreTypeRegistry(Map<String, ScoreType<?>> types) {
        this.types = Collections.unmodifiableMap(new TreeMap<>(types));
    }

    /** Returns a registry holding exactly the given types. */
    public static ScoreTypeRegistry of(List<ScoreType<?>> types) {
        Map<String, ScoreType<?>> byName = new TreeMap<>();
        for (ScoreType<?> type : types) {
            ScoreType<?> previous = byName.putIfAbsent(type.name(), type);
            if (previous != null && !previous.equals(type)) {
                throw new IllegalArgumentException("Score type '" + type.name() + "' is registered twice: "
                        + previous.javaType().getName() + " and " + type.javaType().getName());
            }
        }
        return new ScoreTypeRegistry(byName);
    }

    /**
     * Returns the built-in types plus those of every {@link ScoreTypeProvider} found by
     * {@link ServiceLoader}; a provider that fails to load is logged and skipped.
     */
    public static ScoreTypeRegistry defaults() {
        List<ScoreType<?>> all = new java.util.ArrayList<>();
        all.add(PodmanV0Score.TYPE);
        var iterator = ServiceLoader.load(ScoreTypeProvider.class).iterator();
        while (true) {
            try {
                if (!iterator.hasNext()) {
                    break;
                }
                all.addAll(iterator.next().scoreTypes());
            } catch (java.util.ServiceConfigurationError | RuntimeException e) {
                // one broken provider jar must not hide the others
                LOG.warn("skipping a Score type provider that failed to load: {}", e.toString());
            }
        }
        return of(all);
    }

    /** Returns the type with the given name, if registered. */
    public Optional<ScoreType<?>> find(String name) {
        return Optional.ofNullable(types.get(name));
    }

    /** Returns the names of every registered type, sorted. */
    public List<String> names() {
        return List.copyOf(types.keySet());
    }

    /** Returns the registered type of the given Score. */
    <S extends Score> boolean knows(S score) {
        ScoreType<?> type = types.get(score.type());
        return type != null && type.javaType().isInstance(score);
    }

    @Override
    public String toString() {
        return "ScoreTypeRegistry" + names();
    }
}
