package io.p4n4.podman.internal;

import io.p4n4.api.EngineException;
import io.p4n4.api.engine.ContainerSpec;
import io.p4n4.podman.internal.libpod.LibpodResponse;
import java.util.Locale;

/** The ENGINE errors whose wording matters most, in one place. */
final class PodmanErrors {
    private PodmanErrors() {
    }

    /** A local image that is not there, with Podman's naming rule spelled out. */
    static EngineException imageMissing(String image) {
        return new EngineException(PodmanEngine.ID, image, "no such image: " + image
                + " is not present locally on podman. Podman stores locally built or imported images as "
                + localName(image) + " and does not resolve short names to docker.io; import or tag it"
                + " (podman import / podman tag) under that name, or pull it from a registry first", null);
    }

    /** A container that does not exist. */
    static EngineException containerMissing(String container) {
        return new EngineException(PodmanEngine.ID, container, "container " + container
                + " does not exist on podman", null);
    }

    /** Why {@code POST /containers/create} refused {@code spec}. */
    static EngineException createFailed(ContainerSpec spec, LibpodResponse r) {
        String message = r.message().toLowerCase(Locale.ROOT);
        String name = spec.findName().orElse("(unnamed)");
        if (message.contains("image not known") || message.contains("no such image")) {
            return imageMissing(spec.image());
        }
        if (r.status() == 409 || message.contains("already in use")) {
            return new EngineException(PodmanEngine.ID, name, "container name " + name
                    + " is already in use on podman; remove that container or choose another name", null);
        }
        if (message.contains("container-init binary not found")) {
            // --init needs catatonit, which Debian's podman package does not pull in; the REST service looks only
            // at its default path (containers.conf's init_path is the CLI's, measured on Podman 4.3)
            return new EngineException(PodmanEngine.ID, name, "podman cannot create container " + name
                    + " with init: the engine host has no init binary (" + r.message() + "); install catatonit "
                    + "there (Podman's REST service ignores containers.conf's init_path), or remove init from the"
                    + " service", null);
        }
        return r.failure("while creating container " + name + " from image " + spec.image());
    }

    /**
     * Whether a start failed because the OCI runtime still has a container of that ID: what a start
     * interrupted by a killed API service leaves behind while Podman's own state says "created".
     */
    static boolean isStaleRuntimeContainer(LibpodResponse r) {
        return r.status() == 500 && r.message().toLowerCase(Locale.ROOT).contains("container with given id already exists");
    }

    /** {@code localhost/NAME} for a short name; the name itself when it has a registry part. */
    static String localName(String image) {
        int slash = image.indexOf('/');
        String first = slash < 0 ? "" : image.substring(0, slash);
        boolean hasRegistry = first.contains(".") || first.contains(":") || first.equals("localhost");
        return hasRegistry ? image : "localhost/" + image;
    }
}
