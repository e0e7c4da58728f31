package io.p4n4.core.stack;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import io.p4n4.api.project.StackDefinition;
import io.p4n4.api.project.StackId;
import io.p4n4.api.project.VariableDefinition;
import io.p4n4.api.spi.StackProvider;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.apiguardian.api.API;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stacks p4n4 knows: from providers registered explicitly, then those found by
 * {@link ServiceLoader}. When two providers define the same stack id, the higher priority wins (an
 * explicit provider wins a tie). Immutable and thread-safe.
 */
public final class StackRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(StackRegistry.class);

    private final Map<StackId, StackDefinition> stacks;
    private final Map<StackId, StackProvider> providers;

    private StackRegistry(Map<StackId, StackDefinition> stacks, Map<StackId, StackProvider> providers) {
        this.stacks = stacks;
        this.providers = providers;
    }

    /**
     * The stacks of {@code explicit} providers plus every provider on the class path. Internal: users get
     * a registry from {@link io.p4n4.core.P4n4#stacks()}, the one way to build it.
     */
    @API(status = API.Status.INTERNAL, consumers = "io.p4n4.core")
    public static StackRegistry load(List<StackProvider> explicit, ClassLoader loader) {
        List<StackProvider> all = new ArrayList<>(explicit);
        ServiceLoader<StackProvider> found = ServiceLoader.load(StackProvider.class, loader);
        var it = found.iterator();
        while (true) {
            // one broken provider jar must not break discovery of the others
            try {
                if (!it.hasNext()) {
                    break;
                }
                StackProvider p = it.next();
                if (all.stream().noneMatch(e -> e.getClass().equals(p.getClass()))) {
                    all.add(p);
                }
            } catch (ServiceConfigurationError e) {
                LOG.warn("skipping a stack provider that cannot be loaded: {}", e.getMessage());
            }
        }
        return of(all);
    }

    /**
     * The stacks of exactly these providers, in the given order of preference for ties. Internal: users get
     * a registry from {@link io.p4n4.core.P4n4#stacks()} (with {@code discoverStackProviders(false)}).
     */
    @API(status = API.Status.INTERNAL, consumers = "io.p4n4.core")
    public static StackRegistry of(List<StackProvider> providers) {
        Map<StackId, StackDefinition> defs = new TreeMap<>(StackId.CANONICAL_ORDER);
        Map<StackId, StackProvider> owners = new TreeMap<>(StackId.CANONICAL_ORDER);
        List<StackProvider> sorted = new ArrayList<>(providers);
        // stable sort: among equal priorities the earlier (explicit) provider stays first
        sorted.sort(Comparator.comparingInt(StackProvider::priority).reversed());
        for (StackProvider p : sorted) {
            for (StackDefinition d : p.stacks()) {
                if (!defs.containsKey(d.id())) {
                    defs.put(d.id(), d);
                    owners.put(d.id(), p);
                }
            }
        }
        return new StackRegistry(Map.copyOf(defs), Map.copyOf(owners));
    }

    /** Returns every stack, in canonical order. */
    public List<StackDefinition> all() {
        return stacks.values().stream().sorted(Comparator.comparing(StackDefinition::id)).toList();
    }

    /** Returns the stack {@code id}, if known. */
    public Optional<StackDefinition> find(StackId id) {
        return Optional.ofNullable(stacks.get(id));
    }

    /** Returns the stack {@code id}; USER error naming the known stacks if unknown. */
    public StackDefinition get(StackId id) {
        return find(id).orElseThrow(() -> new P4n4Exception(ErrorCode.USER, "unknown stack '" + id
                + "'; known stacks: " + String.join(", ", all().stream().map(d -> d.id().value()).toList())));
    }

    /** Parses and checks a stack name given by a user. */
    public StackId parse(String name) {
        StackId id;
        try {
            id = StackId.of(name.trim());
        } catch (IllegalArgumentException e) {
            throw new P4n4Exception(ErrorCode.USER, e.getMessage(), e);
        }
        get(id);
        return id;
    }

    /** Returns the provider of stack {@code id}. */
    public StackProvider provider(StackId id) {
        get(id);
        return providers.get(id);
    }

    /**
     * Returns the variables of {@code ids}, each once (a shared variable takes its owner's place),
     * in canonical stack order.
     */
    public List<VariableDefinition> variables(Collection<StackId> ids) {
        Map<String, VariableDefinition> byName = new LinkedHashMap<>();
        ids.stream().sorted(StackId.CANONICAL_ORDER).map(this::get)
                .flatMap(d -> d.variables().stream())
                .forEach(v -> byName.putIfAbsent(v.name(), v));
        // group by owner (stable), so each stack's variables form one section of .env
        List<VariableDefinition> sorted = new ArrayList<>(byName.values());
        sorted.sort(Comparator.comparing(VariableDefinition::owner, StackId.CANONICAL_ORDER));
        return List.copyOf(sorted);
    }
}
