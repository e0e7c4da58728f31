package io.p4n4.core.compose.exec;

/**
 * The label keys Docker Compose puts on the objects of a project; the executor sets the same ones so
 * the compose tools and this library see one project. Constants only.
 */
public final class ComposeLabels {
    /** The project name; every container, network and volume of a project carries it. */
    public static final String PROJECT = "com.docker.compose.project";
    /** The service a container belongs to. */
    public static final String SERVICE = "com.docker.compose.service";
    /** The replica number of a container, {@code 1} here. */
    public static final String CONTAINER_NUMBER = "com.docker.compose.container-number";
    /** {@code True} for {@code run} containers, {@code False} for service containers. */
    public static final String ONEOFF = "com.docker.compose.oneoff";
    /** Hash of the service configuration; a different hash means the container must be recreated. */
    public static final String CONFIG_HASH = "com.docker.compose.config-hash";
    /** The project's working directory. */
    public static final String WORKING_DIR = "com.docker.compose.project.working_dir";
    /** The project's compose files, comma separated. */
    public static final String CONFIG_FILES = "com.docker.compose.project.config_files";
    /** The compose version that made the object. */
    public static final String VERSION = "com.docker.compose.version";
    /** The key of a network in the compose file. */
    public static final String NETWORK = "com.docker.compose.network";
    /** The key of a volume in the compose file. */
    public static final String VOLUME = "com.docker.compose.volume";

    private ComposeLabels() {
    }
}
