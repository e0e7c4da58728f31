package io.p4n4.compose.exec;

import java.util.Map;

/**
 * The label keys Docker Compose puts on the objects of a project; the executor sets the same ones so
 * the compose tools and this library see one project.
 */
public final class ComposeLabels {
    /** The project name; every container, network and volume of a project carries it. */
    public static final String PROJECT = "com.docker.compose.project";
    /** The service a container belongs to. */
    public static final String SERVICE = "com.docker.compose.service";
    /** The replica number of a container, from 1. */
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

    /** The replica number in a container's {@code labels}; 1 when the label is missing or not a number. */
    public static int containerNumber(Map<String, String> labels) {
        try {
            return Integer.parseInt(labels.getOrDefault(CONTAINER_NUMBER, "1"));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
