package io.p4n4.archtests;

import java.util.List;
import java.util.Optional;

/**
 * The package root of every published module. A package belongs to the module whose root it equals or
 * lies under; {@code internal} packages may be used only from inside that module.
 */
final class ModuleRoots {

    /** Roots of api, compose, core, agent, clients, docker, podman, templates-git, testkit, junit and the Maven plugin. */
    static final List<String> ALL = List.of(
            "io.p4n4.api",
            "io.p4n4.compose",
            "io.p4n4.core",
            "io.p4n4.agent",
            "io.p4n4.clients",
            "io.p4n4.docker",
            "io.p4n4.podman",
            "io.p4n4.templates.git",
            "io.p4n4.testkit",
            "io.p4n4.junit",
            "io.p4n4.maven");

    private ModuleRoots() {
    }

    /** The root of the module {@code packageName} belongs to, empty when it lies under none. */
    static Optional<String> of(String packageName) {
        return ALL.stream().filter(root -> isUnder(packageName, root)).findFirst();
    }

    /** Whether {@code packageName} is {@code root} itself or one of its sub-packages. */
    static boolean isUnder(String packageName, String root) {
        return packageName.equals(root) || packageName.startsWith(root + ".");
    }

    /** Whether {@code packageName} is an {@code internal} package or lies below one. */
    static boolean isInternal(String packageName) {
        return ("." + packageName + ".").contains(".internal.");
    }
}
